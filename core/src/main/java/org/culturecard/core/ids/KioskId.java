package org.culturecard.core.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A kiosk's id, as it appears in topics, certificates (CN) and records. */
public record KioskId(@JsonValue String value) {
    public KioskId {
        Ids.require("kiosk id", value);
    }

    @JsonCreator
    public static KioskId of(String value) {
        return new KioskId(value);
    }

    public static boolean isValid(String value) {
        return Ids.isValid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
