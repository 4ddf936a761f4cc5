package org.culturecard.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Taking Part's child age bands (the Region of Learning serves 15 to 24). */
public enum AgeBand implements Coded {
    AGE_5_10("5-10"),
    AGE_11_15("11-15"),
    AGE_16_18("16-18"),
    AGE_19_24("19-24"),
    ALL("all");

    private final String code;

    AgeBand(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static AgeBand fromCode(String code) {
        return Coded.fromCode(AgeBand.class, code);
    }
}
