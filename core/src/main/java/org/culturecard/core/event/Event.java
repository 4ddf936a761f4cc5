package org.culturecard.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.ids.VenueId;

/** An event at a venue that young people check in to. */
public record Event(
        UUID id,
        VenueId venueId,
        String title,
        Category category,
        AgeBand ageBand,
        LearningLayer learningLayer,
        Instant startsAt,
        Instant endsAt,
        Integer capacity) {

    public static final int MAX_TITLE = 120;

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("an event title is 1 to " + MAX_TITLE + " characters");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("an event must end after it starts");
        }
        if (capacity != null && capacity <= 0) {
            throw new IllegalArgumentException("capacity, when set, is positive");
        }
    }

    public boolean isRunningAt(Instant moment) {
        return !moment.isBefore(startsAt) && moment.isBefore(endsAt);
    }
}
