package org.culturecard.core.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.ids.VenueId;

/**
 * Whom a filter covers, and the topic segment in a venue's place under which it is published
 * ({@link Topics#filterChunk}): the whole scheme ({@value #SCHEME_VALUE}, which can never be a venue
 * id, those being {@code [a-z0-9-]}) or one venue (its id).
 */
public record FilterScope(@JsonValue String value) {
    /** The scope of what central sends to every kiosk of the scheme. */
    public static final String SCHEME_VALUE = "_scheme";
    public static final FilterScope SCHEME = new FilterScope(SCHEME_VALUE);

    public FilterScope {
        Objects.requireNonNull(value, "scope");
        if (!SCHEME_VALUE.equals(value) && !VenueId.isValid(value)) {
            throw new IllegalArgumentException("a filter scope is " + SCHEME_VALUE + " or a venue id");
        }
    }

    @JsonCreator
    public static FilterScope of(String value) {
        return new FilterScope(value);
    }

    public static FilterScope of(VenueId venue) {
        return new FilterScope(venue.value());
    }

    /** The venue of a venue's scope, or empty for the scheme's. */
    public Optional<VenueId> venue() {
        return SCHEME_VALUE.equals(value) ? Optional.empty() : Optional.of(VenueId.of(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
