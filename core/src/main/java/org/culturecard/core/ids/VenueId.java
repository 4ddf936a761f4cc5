package org.culturecard.core.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A venue's id (a library, museum, theatre or music venue), as it appears in topics and records. */
public record VenueId(@JsonValue String value) {
    public VenueId {
        Ids.require("venue id", value);
    }

    @JsonCreator
    public static VenueId of(String value) {
        return new VenueId(value);
    }

    public static boolean isValid(String value) {
        return Ids.isValid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
