package org.culturecard.kiosk.ui.staff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.kiosk.ui.screen.Messages;

/**
 * Today's events as rows, for staff home (read only) and the event list (with edit, close and make
 * active): title, times, state and check-in count; stacked at large text sizes.
 */
final class EventRows {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private EventRows() {}

    /** Fills {@code page} with a row per event of today, or says there are none. */
    static void fill(VBox page, StaffViewModel staff, StaffWidgets ui, ZoneId zone, boolean actions) {
        if (staff.events().isEmpty()) {
            page.getChildren().add(StaffWidgets.text(ui.messages().text("staff.noEvents"), "staff-empty"));
        }
        for (StoredEvent event : staff.events()) {
            page.getChildren().add(row(event, staff, ui, zone, actions));
        }
    }

    private static Node row(StoredEvent stored, StaffViewModel staff, StaffWidgets ui, ZoneId zone, boolean actions) {
        Messages messages = ui.messages();
        Label title = StaffWidgets.text(stored.event().title(), "event-row-title");
        Label times = StaffWidgets.text(messages.text("staff.times", TIME.format(stored.event().startsAt().atZone(zone)),
                TIME.format(stored.event().endsAt().atZone(zone))), "event-row-detail");
        boolean roomy = ui.roomy();
        Label count = StaffWidgets.text(messages.text("staff.checkIns", stored.checkIns()), "event-row-count");
        count.setWrapText(false);
        count.setMinWidth(Region.USE_PREF_SIZE);
        VBox words = new VBox(title, times);
        words.setMinWidth(roomy ? 14 * 16 : 0);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox row = new HBox(words);
        row.getStyleClass().add("event-row");
        row.setAlignment(Pos.CENTER_LEFT);
        Pane tail = roomy ? row : new FlowPane(8, 8);
        if (stored.active() || stored.closed()) {
            Label state = StaffWidgets.text(messages.text(stored.closed() ? "staff.closed" : "staff.active"),
                    stored.closed() ? "event-state-closed" : "event-state-active");
            state.setWrapText(false);
            state.setMinWidth(Region.USE_PREF_SIZE);
            tail.getChildren().add(state);
        }
        tail.getChildren().add(count);
        if (actions && !stored.closed()) {
            tail.getChildren().addAll(actions(stored, staff, messages));
        }
        if (roomy) {
            return row;
        }
        row.getStyleClass().setAll("event-row-line");
        VBox stacked = new VBox(row, tail);
        stacked.getStyleClass().add("event-row");
        return stacked;
    }

    private static List<Button> actions(StoredEvent stored, StaffViewModel staff, Messages messages) {
        Button edit = StaffWidgets.button(messages.text("events.edit"), "staff-secondary");
        edit.setOnAction(e -> staff.editEvent(stored));
        Button close = StaffWidgets.button(messages.text("events.close"), "staff-secondary");
        close.setOnAction(e -> staff.close(stored.event().id()));
        if (stored.active()) {
            return List.of(edit, close);
        }
        Button active = StaffWidgets.button(messages.text("events.makeActive"), "staff-primary");
        active.setOnAction(e -> staff.makeActive(stored.event().id()));
        return List.of(edit, close, active);
    }
}
