package org.culturecard.kiosk.ui.keys;

import java.util.Locale;
import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.culturecard.kiosk.ui.fx.Nodes;
import org.culturecard.kiosk.ui.screen.Messages;

/**
 * An on-screen keyboard for touch-only kiosks: it types into the field last touched among those
 * {@linkplain #attach attached}, with letters and digits for text and barcodes or a number pad for
 * PINs, times and numbers, by the field's {@link Layout}. Its keys never take the focus, so the field
 * keeps its caret. Every key press counts as staff activity (the idle timer). UI thread only.
 */
public final class TouchKeyboard extends VBox {
    private static final String[] LETTER_ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final String[] NUMBER_ROWS = {"123", "456", "789", ":0"};

    /** Which keys a field needs. */
    public enum Layout {
        /** Letters, digits, space and shift: event titles and barcodes (which may hold letters). */
        LETTERS,
        /** Digits and a colon: PINs, times (18:30) and numbers. */
        NUMBERS
    }

    private final Messages messages;
    private final Runnable activity;
    private TextInputControl target;
    private Layout shown;
    private boolean upper;

    /** @param activity told of every key press (staff mode stays open) */
    public TouchKeyboard(Messages messages, Runnable activity) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.activity = Objects.requireNonNull(activity, "activity");
        getStyleClass().add("touch-keyboard");
        setFocusTraversable(false);
        show(Layout.LETTERS);
    }

    /** Types into {@code field} once it is touched (the first field attached is the target until then). */
    public <T extends TextInputControl> T attach(T field, Layout layout) {
        if (target == null) {
            target = field;
            show(layout);
        }
        field.focusedProperty().addListener((observable, was, is) -> {
            if (is) {
                target = field;
                show(layout);
            }
        });
        return field;
    }

    /** The field the keys type into now. */
    public TextInputControl target() {
        return target;
    }

    private void show(Layout layout) {
        if (layout == shown) {
            return;
        }
        shown = layout;
        getChildren().clear();
        for (String row : layout == Layout.LETTERS ? LETTER_ROWS : NUMBER_ROWS) {
            HBox keys = new HBox();
            keys.getStyleClass().add("touch-row");
            for (char c : row.toCharArray()) {
                keys.getChildren().add(charKey(c));
            }
            getChildren().add(keys);
        }
        HBox last = new HBox();
        last.getStyleClass().add("touch-row");
        if (layout == Layout.LETTERS) {
            last.getChildren().addAll(key(messages.text("keys.shift"), "touch-shift", this::shift),
                    key(messages.text("keys.space"), "touch-space", () -> type(" ")));
        }
        last.getChildren().add(key(messages.text("keys.delete"), "touch-delete", this::delete));
        getChildren().add(last);
    }

    private Button charKey(char c) {
        Button key = key(String.valueOf(c), "touch-key", () -> type(String.valueOf(upper ? Character.toUpperCase(c) : c)));
        key.setId("key-" + (Character.isLetterOrDigit(c) ? String.valueOf(c) : "colon"));
        return key;
    }

    private Button key(String text, String styleClass, Runnable action) {
        Button key = Nodes.styled(new Button(text), styleClass);
        key.setAccessibleText(text);
        key.setFocusTraversable(false);
        key.setOnAction(event -> {
            action.run();
            activity.run();
        });
        return key;
    }

    private void type(String text) {
        if (target != null && target.isEditable() && !target.isDisabled()) {
            target.insertText(target.getCaretPosition(), text);
        }
    }

    private void delete() {
        if (target != null && target.isEditable() && !target.isDisabled()) {
            if (target.getSelectedText().isEmpty()) {
                target.deletePreviousChar();
            } else {
                target.replaceSelection("");
            }
        }
    }

    private void shift() {
        upper = !upper;
        getChildren().stream().filter(HBox.class::isInstance).map(HBox.class::cast)
                .flatMap(row -> row.getChildren().stream())
                .filter(node -> node.getStyleClass().contains("touch-key"))
                .map(Button.class::cast)
                .filter(button -> Character.isLetter(button.getText().charAt(0)))
                .forEach(button -> button.setText(upper ? button.getText().toUpperCase(Locale.ROOT)
                        : button.getText().toLowerCase(Locale.ROOT)));
    }
}
