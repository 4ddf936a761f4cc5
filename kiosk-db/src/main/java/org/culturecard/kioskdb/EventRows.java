package org.culturecard.kioskdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
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

/**
 * An {@link Event} to and from a row of the {@code events} table, defined once for the kiosk's and
 * the sync agent's statements: its columns, their values (wire codes, {@link KioskTimes}, nulls for
 * what is absent), the upsert clause that replaces its details, and the reading back.
 */
final class EventRows {
    /** The {@code events} columns an {@link Event} fills, in the order of {@link #eventValues}. */
    static final String EVENT_COLUMNS = "id, venue_id, title, sector, activity, mode, age_band,"
            + " learning_layer, starts_at, ends_at, capacity";
    /** The upsert's assignments that replace an event's details, all but its id and venue. */
    static final String EVENT_DETAILS_FROM_EXCLUDED = "title = excluded.title,"
            + " sector = excluded.sector, activity = excluded.activity, mode = excluded.mode,"
            + " age_band = excluded.age_band, learning_layer = excluded.learning_layer,"
            + " starts_at = excluded.starts_at, ends_at = excluded.ends_at, capacity = excluded.capacity";
    /** {@link #EVENT_COLUMNS} qualified for a query on {@code events e}. */
    static final String EVENT_COLUMNS_OF_E = "e." + EVENT_COLUMNS.replace(", ", ", e.");

    private EventRows() {}

    /** The values of {@link #EVENT_COLUMNS} for {@code event}, in order: codes, {@link KioskTimes}, nulls for what is absent. */
    static List<Object> eventValues(Event event) {
        Category category = event.category();
        return Arrays.asList(event.id().toString(), event.venueId().value(), event.title(), category.sector().code(),
                category.activity() == null ? null : category.activity().code(), category.mode().code(),
                event.ageBand().code(), event.learningLayer() == null ? null : event.learningLayer().code(),
                KioskTimes.format(event.startsAt()), KioskTimes.format(event.endsAt()), event.capacity());
    }

    /** Reads the first eleven columns, in the order of {@link #EVENT_COLUMNS}. */
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
