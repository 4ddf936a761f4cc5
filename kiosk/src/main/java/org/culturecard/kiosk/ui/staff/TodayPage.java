package org.culturecard.kiosk.ui.staff;

import java.time.ZoneId;
import javafx.scene.layout.VBox;

/** Staff home: today's events with their check-in counts, read only. */
final class TodayPage extends VBox {
    TodayPage(StaffViewModel staff, StaffWidgets ui, ZoneId zone) {
        ui.page(this, "staff.today");
        EventRows.fill(this, staff, ui, zone, false);
    }
}
