package org.culturecard.kiosk.ui.staff;

import java.time.ZoneId;
import javafx.scene.layout.VBox;

/** The event list: today's events, each with edit, close and make active. */
final class EventsPage extends VBox {
    EventsPage(StaffViewModel staff, StaffWidgets ui, ZoneId zone) {
        ui.page(this, "events.title");
        EventRows.fill(this, staff, ui, zone, true);
    }
}
