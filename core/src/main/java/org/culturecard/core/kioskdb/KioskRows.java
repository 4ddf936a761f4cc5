package org.culturecard.core.kioskdb;

import java.util.Arrays;
import java.util.List;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;

/**
 * The statements and row values that the kiosk and the sync agent both write into the kiosk's
 * database, defined once: the settings upsert, and an event's detail columns, their values and the
 * upsert clause that replaces them. Each process still runs them on its own connection.
 */
public final class KioskRows {
    /** Inserts a settings row or replaces its value; parameters: key, value. */
    public static final String UPSERT_SETTING =
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    /** The {@code events} columns an {@link Event} fills, in the order of {@link #eventValues}. */
    public static final String EVENT_COLUMNS = "id, venue_id, title, sector, activity, mode, age_band,"
            + " learning_layer, starts_at, ends_at, capacity";
    /** The upsert's assignments that replace an event's details, all but its id and venue. */
    public static final String EVENT_DETAILS_FROM_EXCLUDED = "title = excluded.title,"
            + " sector = excluded.sector, activity = excluded.activity, mode = excluded.mode,"
            + " age_band = excluded.age_band, learning_layer = excluded.learning_layer,"
            + " starts_at = excluded.starts_at, ends_at = excluded.ends_at, capacity = excluded.capacity";

    private KioskRows() {}

    /** The values of {@link #EVENT_COLUMNS} for {@code event}, in order: codes, {@link KioskTimes}, nulls for what is absent. */
    public static List<Object> eventValues(Event event) {
        Category category = event.category();
        return Arrays.asList(event.id().toString(), event.venueId().value(), event.title(), category.sector().code(),
                category.activity() == null ? null : category.activity().code(), category.mode().code(),
                event.ageBand().code(), event.learningLayer() == null ? null : event.learningLayer().code(),
                KioskTimes.format(event.startsAt()), KioskTimes.format(event.endsAt()), event.capacity());
    }
}
