package org.culturecard.kiosk.ui.staff;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.culturecard.core.event.Coded;
import org.culturecard.kiosk.ui.fx.Nodes;
import org.culturecard.kiosk.ui.screen.Messages;

/**
 * The building blocks of staff mode's pages, in the words of the language shown: page titles,
 * labelled form rows (stacked at large text sizes), fields, choices, labels and buttons.
 */
final class StaffWidgets {
    private final StaffViewModel staff;
    private final Messages messages;

    StaffWidgets(StaffViewModel staff) {
        this.staff = staff;
        this.messages = staff.messages();
    }

    Messages messages() {
        return messages;
    }

    /** True at text sizes under 150 %: rows keep their parts on one line. */
    boolean roomy() {
        return staff.displaySettings().textScale() < 150;
    }

    /** Makes {@code page} a staff page with its title. */
    void page(VBox page, String titleKey) {
        page.getChildren().add(text(messages.text(titleKey), "staff-page-title"));
        page.getStyleClass().add("staff-page");
    }

    Node[] row(String labelKey, Node control) {
        Label label = text(messages.text(labelKey), "form-label");
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setWrapText(false);
        return new Node[] {label, control};
    }

    /** Labels beside their fields; at large text sizes, above them, so that nothing is squeezed. */
    GridPane form(List<Node[]> rows) {
        boolean stacked = !roomy();
        GridPane grid = new GridPane();
        grid.getStyleClass().add("staff-form");
        for (int i = 0; i < rows.size(); i++) {
            Node[] row = rows.get(i);
            if (stacked) {
                grid.add(row[0], 0, 2 * i);
                grid.add(row[1], 0, 2 * i + 1);
            } else {
                grid.addRow(i, row);
            }
            GridPane.setHgrow(row[1], Priority.ALWAYS);
        }
        return grid;
    }

    TextField field(String value, String accessibleKey) {
        TextField field = new TextField(value);
        field.setAccessibleText(messages.text(accessibleKey));
        return field;
    }

    <T extends Enum<T> & Coded> ComboBox<T> choice(T[] values, T selected, String keyPrefix, String accessibleKey) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().addAll(values);
        box.setConverter(converter(value -> messages.text(keyPrefix + value.code())));
        box.setValue(selected);
        box.setAccessibleText(messages.text(accessibleKey));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }

    static Label text(String value, String styleClass) {
        Label label = Nodes.styled(new Label(value), styleClass);
        label.setWrapText(true);
        return label;
    }

    static Button button(String text, String styleClass) {
        Button button = Nodes.styled(new Button(text), styleClass);
        button.setAccessibleText(text);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
