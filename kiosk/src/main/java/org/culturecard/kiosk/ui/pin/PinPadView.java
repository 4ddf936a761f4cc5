package org.culturecard.kiosk.ui.pin;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.culturecard.kiosk.ui.fx.Nodes;
import org.culturecard.kiosk.ui.screen.Messages;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.staff.StaffViewModel;

/**
 * The staff PIN pad: big digit buttons for a touch screen, and the keyboard (digits, Backspace,
 * Enter, Escape) for everyone else. Digits show as dots only.
 */
public final class PinPadView extends VBox {
    private final StaffViewModel staff;

    public PinPadView(StaffViewModel staff) {
        this.staff = staff;
        Messages messages = staff.messages();
        getStyleClass().addAll("staff", "pin-pad");
        setAlignment(Pos.CENTER);
        Label title = Nodes.styled(new Label(messages.text("pin.title")), "staff-title");
        Label prompt = Nodes.styled(new Label(), "pin-message");
        prompt.setWrapText(true);
        prompt.textProperty().bind(staff.pinMessageProperty());
        Label dots = Nodes.styled(new Label(), "pin-dots");
        dots.textProperty().bind(staff.pinDotsProperty());
        dots.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.text("pin.digits", staff.pinDotsProperty().get().length()), staff.pinDotsProperty()));
        Button cancel = button(messages.text("pin.cancel"), "staff-button");
        cancel.setOnAction(event -> staff.leave());
        getChildren().addAll(title, prompt, dots, keys(messages), new HBox(cancel));
        ((HBox) getChildren().get(getChildren().size() - 1)).setAlignment(Pos.CENTER);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private GridPane keys(Messages messages) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("pin-keys");
        grid.setAlignment(Pos.CENTER);
        for (int digit = 1; digit <= 9; digit++) {
            grid.add(digit(digit), (digit - 1) % 3, (digit - 1) / 3);
        }
        Button delete = button(messages.text("pin.delete"), "pin-key");
        delete.setOnAction(event -> staff.pinBackspace());
        Button enter = button(messages.text("pin.enter"), "pin-key");
        enter.getStyleClass().add("pin-enter");
        enter.setOnAction(event -> staff.pinSubmit());
        enter.disableProperty().bind(staff.pinBusyProperty());
        grid.add(delete, 0, 3);
        grid.add(digit(0), 1, 3);
        grid.add(enter, 2, 3);
        return grid;
    }

    private Button digit(int digit) {
        Button button = button(Integer.toString(digit), "pin-key");
        button.setOnAction(event -> staff.pinDigit(digit));
        return button;
    }

    private static Button button(String text, String styleClass) {
        Button button = Nodes.styled(new Button(text), styleClass);
        button.setAccessibleText(text);
        return button;
    }

    /** Keyboard use of the pad; called for key presses anywhere in the window while it shows. */
    public void key(KeyEvent event) {
        if (staff.screen() != Screen.STAFF_PIN || event.isConsumed()) {
            return;
        }
        KeyCode code = event.getCode();
        if (code.isDigitKey()) {
            staff.pinDigit(Character.digit(code.getChar().charAt(0), 10) >= 0
                    ? Character.digit(code.getChar().charAt(0), 10) : digitOfKeypad(code));
        } else if (code == KeyCode.BACK_SPACE) {
            staff.pinBackspace();
        } else if (code == KeyCode.ENTER) {
            staff.pinSubmit();
        } else if (code == KeyCode.ESCAPE) {
            staff.leave();
        } else {
            return;
        }
        event.consume();
    }

    private static int digitOfKeypad(KeyCode code) {
        return code.ordinal() - KeyCode.NUMPAD0.ordinal();
    }
}
