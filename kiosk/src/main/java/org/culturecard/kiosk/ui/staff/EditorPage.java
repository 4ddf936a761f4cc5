package org.culturecard.kiosk.ui.staff;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.culturecard.kiosk.ui.keys.TouchKeyboard;
import javafx.util.converter.LocalDateStringConverter;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.kiosk.staff.EventDraft;
import org.culturecard.kiosk.ui.screen.Messages;

/**
 * The event editor: title, category, day, times, age band and capacity, filled from the draft;
 * it keeps what staff typed until they save (errors shown under the form) or leave. The on-screen
 * keyboard types the title, and its number pad the times and capacity, for kiosks without a keyboard.
 */
final class EditorPage extends VBox {
    EditorPage(StaffViewModel staff, StaffWidgets ui, EventDraft draft) {
        Messages messages = ui.messages();
        ui.page(this, "editor.title");
        TextField title = ui.field(draft.title(), "editor.field.title");
        title.getStyleClass().add("editor-title");
        ComboBox<Sector> sector = ui.choice(Sector.values(), draft.sector(), "sector.", "editor.field.sector");
        ComboBox<ArtsActivity> activity = ui.choice(ArtsActivity.values(), draft.activity(), "activity.",
                "editor.field.activity");
        activity.disableProperty().bind(sector.valueProperty().isNotEqualTo(Sector.ARTS));
        ComboBox<Mode> mode = ui.choice(Mode.values(), draft.mode(), "mode.", "editor.field.mode");
        DatePicker day = new DatePicker(draft.day());
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
        day.setConverter(new LocalDateStringConverter(dayFormat, dayFormat));
        day.setAccessibleText(messages.text("editor.field.day"));
        TextField start = ui.field(draft.startTime(), "editor.field.start");
        TextField end = ui.field(draft.endTime(), "editor.field.end");
        ComboBox<AgeBand> age = ui.choice(AgeBand.values(), draft.ageBand(), "age.", "editor.field.ageBand");
        TextField capacity = ui.field(draft.capacity(), "editor.field.capacity");
        TouchKeyboard keys = new TouchKeyboard(messages, staff::activity);
        keys.attach(title, TouchKeyboard.Layout.LETTERS);
        keys.attach(start, TouchKeyboard.Layout.NUMBERS);
        keys.attach(end, TouchKeyboard.Layout.NUMBERS);
        keys.attach(capacity, TouchKeyboard.Layout.NUMBERS);
        GridPane form = ui.form(List.of(
                ui.row("editor.field.title", title), ui.row("editor.field.sector", sector),
                ui.row("editor.field.activity", activity), ui.row("editor.field.mode", mode),
                ui.row("editor.field.day", day), ui.row("editor.field.start", start), ui.row("editor.field.end", end),
                ui.row("editor.field.ageBand", age), ui.row("editor.field.capacity", capacity)));
        Label errors = StaffWidgets.text("", "editor-errors");
        errors.setWrapText(true);
        errors.textProperty().bind(staff.editorErrorsProperty());
        errors.visibleProperty().bind(staff.editorErrorsProperty().isNotEmpty());
        errors.managedProperty().bind(errors.visibleProperty());
        Button save = StaffWidgets.button(messages.text("editor.save"), "staff-primary");
        save.setDefaultButton(true);
        save.setOnAction(e -> staff.save(new EventDraft(draft.id(), title.getText(), sector.getValue(),
                activity.getValue(), mode.getValue(), day.getValue(), start.getText(), end.getText(), age.getValue(),
                capacity.getText())));
        Button cancel = StaffWidgets.button(messages.text("editor.cancel"), "staff-secondary");
        cancel.setOnAction(e -> staff.eventList());
        HBox buttons = new HBox(save, cancel);
        buttons.getStyleClass().add("staff-buttons");
        getChildren().addAll(form, errors, buttons, keys);
    }
}
