package org.culturecard.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Taking Part arts activity, for events in the arts sector. */
public enum ArtsActivity implements Coded {
    READING_WRITING("reading-writing"),
    ARTS_CRAFTS("arts-crafts"),
    FILM_VIDEO("film-video"),
    DANCE("dance"),
    MUSIC("music"),
    THEATRE_DRAMA("theatre-drama"),
    STREET_ARTS_CIRCUS_CARNIVAL("street-arts-circus-carnival"),
    RADIO("radio"),
    DIGITAL_CREATIVE("digital-creative");

    private final String code;

    ArtsActivity(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ArtsActivity fromCode(String code) {
        return Coded.fromCode(ArtsActivity.class, code);
    }
}
