package org.culturecard.kiosk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.kioskdb.KioskRows;
import org.culturecard.core.kioskdb.KioskTimes;

/** Maps {@link Event} to and from the {@code events} table, using the wire codes of its categories. */
final class EventRows {
    private EventRows() {}

    /** {@link KioskRows#eventValues}, then the origin and the update time. */
    static Object[] parameters(Event event, EventOrigin origin, String updatedAt) {
        List<Object> values = new ArrayList<>(KioskRows.eventValues(event));
        values.add(origin.code());
        values.add(updatedAt);
        return values.toArray();
    }

    /** Reads the first eleven columns, in the order of {@code SqliteKioskStore.EVENT_COLUMNS}. */
    static Event event(ResultSet rows) throws SQLException {
        String activity = rows.getString(5);
        String layer = rows.getString(8);
        int capacity = rows.getInt(11);
        Integer capacityOrNull = rows.wasNull() ? null : capacity;
        return new Event(
                UUID.fromString(rows.getString(1)),
                VenueId.of(rows.getString(2)),
                rows.getString(3),
                new Category(Sector.fromCode(rows.getString(4)),
                        activity == null ? null : ArtsActivity.fromCode(activity), Mode.fromCode(rows.getString(6))),
                AgeBand.fromCode(rows.getString(7)),
                layer == null ? null : LearningLayer.fromCode(layer),
                KioskTimes.parse(rows.getString(9)),
                KioskTimes.parse(rows.getString(10)),
                capacityOrNull);
    }
}
