package org.culturecard.core.enrolment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.culturecard.core.event.Coded;

/**
 * What a venue's kiosks say to a card the enrolled-card filter ({@link EnrolledFilter}) does not
 * know: a per-venue setting kept at central and sent in the venue config (an optional field: absent
 * means {@link #DEFAULT}). Either way the check-in is recorded; only the screen differs.
 */
public enum UnregisteredCards implements Coded {
    /** Recorded, and the screen says "Welcome!" as to any card: the kiosk as it was before enrolment. */
    RECORD_SILENTLY("record-silently"),
    /** Recorded, and the screen asks the holder to register the card with staff. */
    RECORD_AND_REMIND("record-and-remind");

    /** The setting of a venue that has never chosen one. */
    public static final UnregisteredCards DEFAULT = RECORD_SILENTLY;

    private final String code;

    UnregisteredCards(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static UnregisteredCards fromCode(String code) {
        return Coded.fromCode(UnregisteredCards.class, code);
    }
}
