package org.culturecard.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Taking Part sector of an event. */
public enum Sector implements Coded {
    ARTS("arts"),
    MUSEUMS_GALLERIES("museums-galleries"),
    LIBRARIES("libraries"),
    ARCHIVES("archives"),
    HERITAGE("heritage"),
    OTHER_LEARNING("other-learning");

    private final String code;

    Sector(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Sector fromCode(String code) {
        return Coded.fromCode(Sector.class, code);
    }
}
