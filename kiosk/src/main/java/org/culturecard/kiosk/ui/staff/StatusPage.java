package org.culturecard.kiosk.ui.staff;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The status page: readers, last tap, backlog, last sync, disk and the sync agent's disk budget. */
final class StatusPage extends VBox {
    StatusPage(StaffViewModel staff, StaffWidgets ui) {
        ui.page(this, "status.title");
        getChildren().add(ui.form(staff.statusRowsProperty().get().stream()
                .map(row -> new Node[] {StaffWidgets.text(row.label(), "form-label"), value(row)}).toList()));
    }

    /** A row's value; a warning or an alert is marked (words and colour) and says what to do. */
    private static Node value(StatusRow row) {
        Label value = StaffWidgets.text(row.value(), "status-value");
        if (row.tone() == StatusRow.Tone.NORMAL && row.advice().isEmpty()) {
            return value;
        }
        VBox box = new VBox(value);
        box.getStyleClass().add("status-notice");
        if (row.tone() != StatusRow.Tone.NORMAL) {
            box.getStyleClass().add(row.tone() == StatusRow.Tone.ALERT ? "status-alert" : "status-warning");
        }
        if (!row.advice().isEmpty()) {
            box.getChildren().add(StaffWidgets.text(row.advice(), "status-advice"));
        }
        return box;
    }
}
