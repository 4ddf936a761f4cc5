package org.culturecard.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Attending versus actively taking part. */
public enum Mode implements Coded {
    ATTEND("attend"),
    TAKE_PART("take-part");

    private final String code;

    Mode(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Mode fromCode(String code) {
        return Coded.fromCode(Mode.class, code);
    }
}
