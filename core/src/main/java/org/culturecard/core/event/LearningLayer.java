package org.culturecard.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Cities of Learning badging layer. */
public enum LearningLayer implements Coded {
    ENGAGE("engage"),
    PARTICIPATE("participate"),
    DEMONSTRATE("demonstrate"),
    LEAD("lead");

    private final String code;

    LearningLayer(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static LearningLayer fromCode(String code) {
        return Coded.fromCode(LearningLayer.class, code);
    }
}
