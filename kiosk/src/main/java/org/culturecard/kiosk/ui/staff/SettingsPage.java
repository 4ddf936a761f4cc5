package org.culturecard.kiosk.ui.staff;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.ui.screen.Messages;

/** The display settings: the venue's language, high contrast, text size and volume. */
final class SettingsPage extends VBox {
    SettingsPage(StaffViewModel staff, StaffWidgets ui) {
        Messages messages = ui.messages();
        ui.page(this, "settings.title");
        DisplaySettings current = staff.displaySettings();
        ComboBox<Locale> language = new ComboBox<>();
        language.getItems().addAll(Stream.of("en", "pl", "pt", "lt").map(Locale::forLanguageTag).toList());
        language.setConverter(StaffWidgets.converter(locale -> messages.text("language." + locale.getLanguage())));
        language.setValue(language.getItems().stream()
                .filter(l -> l.getLanguage().equals(current.language().getLanguage())).findFirst().orElse(null));
        language.setAccessibleText(messages.text("settings.language"));
        CheckBox contrast = new CheckBox(messages.text("settings.highContrast"));
        contrast.setSelected(current.highContrast());
        contrast.setAccessibleText(messages.text("settings.highContrast"));
        ComboBox<Integer> size = new ComboBox<>();
        size.getItems().addAll(DisplaySettings.TEXT_SCALES);
        size.setConverter(StaffWidgets.converter(percent -> messages.text("settings.percent", percent)));
        size.setValue(current.textScale());
        size.setAccessibleText(messages.text("settings.textSize"));
        Slider volume = new Slider(0, 100, current.volume());
        volume.setMajorTickUnit(20);
        volume.setBlockIncrement(10);
        volume.setShowTickMarks(true);
        volume.setAccessibleText(messages.text("settings.volume"));
        Button save = StaffWidgets.button(messages.text("settings.save"), "staff-primary");
        save.setOnAction(e -> staff.saveSettings(new DisplaySettings(language.getValue(), contrast.isSelected(),
                size.getValue(), (int) Math.round(volume.getValue()))));
        getChildren().addAll(ui.form(List.of(ui.row("settings.language", language),
                ui.row("settings.highContrast", contrast), ui.row("settings.textSize", size),
                ui.row("settings.volume", volume))), new HBox(save));
    }
}
