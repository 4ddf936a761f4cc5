package org.culturecard.kiosk.ui.self;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.culturecard.kiosk.ui.fx.Nodes;
import org.culturecard.kiosk.ui.fx.Watch;
import org.culturecard.kiosk.ui.keys.TouchKeyboard;
import org.culturecard.kiosk.ui.screen.Messages;

/**
 * "Register my card" by touch: what to do (tap, scan, PIN), the card number (a scanner types into it;
 * the on-screen keyboard too), the PIN on the number pad (masked), Register and Cancel, and the
 * result in words. Both fields are cleared once an answer comes.
 */
public final class SelfRegisterView extends VBox {
    public SelfRegisterView(SelfRegisterViewModel model, Messages messages, Runnable activity) {
        getStyleClass().addAll("staff-page", "self-register");
        setAlignment(Pos.TOP_CENTER);
        Label title = Nodes.styled(new Label(messages.text("self.title")), "staff-title");
        Label chip = Nodes.styled(new Label(), "register-chip");
        chip.setWrapText(true);
        chip.textProperty().bind(model.chipTextProperty());
        TouchKeyboard keys = new TouchKeyboard(messages, activity);
        TextField number = keys.attach(new TextField(), TouchKeyboard.Layout.LETTERS);
        number.getStyleClass().add("self-number");
        number.setPromptText(messages.text("self.number"));
        number.setAccessibleText(messages.text("self.number"));
        PasswordField pin = keys.attach(new PasswordField(), TouchKeyboard.Layout.NUMBERS);
        pin.getStyleClass().add("self-pin");
        pin.setPromptText(messages.text("self.pin"));
        pin.setAccessibleText(messages.text("self.pin"));
        Button submit = Nodes.styled(new Button(messages.text("register.submit")), "staff-primary");
        submit.getStyleClass().add("self-submit");
        submit.setOnAction(e -> model.register(number.getText(), pin.getText()));
        submit.disableProperty().bind(model.busyProperty());
        Button cancel = Nodes.styled(new Button(messages.text("self.cancel")), "staff-secondary");
        cancel.getStyleClass().add("self-cancel");
        cancel.setOnAction(e -> model.cancel());
        Label result = Nodes.styled(new Label(), "register-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        Watch.value(this, model.resultProperty(), (observable, was, is) -> {
            if (!model.busyProperty().get() && !is.isEmpty()) {
                number.clear();
                pin.clear();
            }
        });
        HBox buttons = new HBox(submit, cancel);
        buttons.getStyleClass().add("staff-buttons");
        getChildren().addAll(title, chip, number, pin, buttons, result, keys);
    }
}
