package org.culturecard.kiosk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.kioskdb.KioskTimes;

/** Maps {@link Event} to and from the {@code events} table, using the wire codes of its categories. */
final class EventRows {
    private EventRows() {}

    static Object[] parameters(Event event, EventOrigin origin, String updatedAt) {
        Category category = event.category();
        return new Object[] {
            event.id().toString(), event.venueId().value(), event.title(), category.sector().code(),
            category.activity() == null ? null : category.activity().code(), category.mode().code(),
            event.ageBand().code(), event.learningLayer() == null ? null : event.learningLayer().code(),
            KioskTimes.format(event.startsAt()), KioskTimes.format(event.endsAt()), event.capacity(), origin.code(), updatedAt
        };
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
