package org.culturecard.kiosk.ui.staff;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.culturecard.kiosk.ui.fx.Watch;
import org.culturecard.kiosk.ui.keys.TouchKeyboard;
import org.culturecard.kiosk.ui.screen.Messages;

/**
 * "Register a card": tap the card, type or scan its number, Register; or enter an old card's number
 * too for a replacement; today's enrolments with Undo. The on-screen keyboard types into both
 * number fields, so the page works by touch alone.
 */
final class RegisterPage extends VBox {
    RegisterPage(StaffViewModel staff, StaffWidgets ui) {
        RegisterViewModel register = staff.register();
        Messages messages = ui.messages();
        ui.page(this, "register.title");
        Label chip = StaffWidgets.text("", "register-chip");
        chip.textProperty().bind(register.chipTextProperty());
        TouchKeyboard keys = new TouchKeyboard(messages, staff::activity);
        TextField number = keys.attach(ui.field("", "register.number"), TouchKeyboard.Layout.LETTERS);
        number.getStyleClass().add("register-number");
        TextField oldNumber = keys.attach(ui.field("", "register.oldNumber"), TouchKeyboard.Layout.LETTERS);
        oldNumber.getStyleClass().add("register-old-number");
        Button submit = StaffWidgets.button(messages.text("register.submit"), "staff-primary");
        submit.getStyleClass().add("register-submit");
        submit.setOnAction(e -> register.register(number.getText()));
        Button replace = StaffWidgets.button(messages.text("register.replace"), "staff-secondary");
        replace.getStyleClass().add("register-replace");
        replace.setOnAction(e -> register.replace(number.getText(), oldNumber.getText()));
        submit.disableProperty().bind(register.busyProperty());
        replace.disableProperty().bind(register.busyProperty());
        Label result = StaffWidgets.text("", "register-result");
        result.textProperty().bind(register.resultProperty());
        Watch.value(this, register.resultProperty(), (observable, was, is) -> {
            if (!register.busyProperty().get() && !is.isEmpty()) {
                number.clear();
                oldNumber.clear();
            }
        });
        VBox today = new VBox();
        today.getStyleClass().add("register-today");
        Watch.list(this, register.today(), (ListChangeListener<RegisterViewModel.TodayRow>) change ->
                fill(today, register, ui));
        fill(today, register, ui);
        HBox buttons = new HBox(submit, replace);
        buttons.getStyleClass().add("staff-buttons");
        getChildren().addAll(chip, ui.form(List.of(ui.row("register.number", number),
                ui.row("register.oldNumber", oldNumber))), buttons, result, keys,
                StaffWidgets.text(messages.text("register.today"), "staff-section"), today);
    }

    private static void fill(VBox today, RegisterViewModel register, StaffWidgets ui) {
        today.getChildren().clear();
        if (register.today().isEmpty()) {
            today.getChildren().add(StaffWidgets.text(ui.messages().text("register.todayNone"), "register-today-none"));
        }
        for (RegisterViewModel.TodayRow row : register.today()) {
            Button undo = StaffWidgets.button(ui.messages().text("register.undo"), "staff-secondary");
            undo.getStyleClass().add("register-undo");
            undo.setOnAction(e -> register.undo(row.id()));
            HBox line = new HBox(StaffWidgets.text(row.text(), "register-today-row"), undo);
            line.getStyleClass().add("staff-buttons");
            today.getChildren().add(line);
        }
    }
}
