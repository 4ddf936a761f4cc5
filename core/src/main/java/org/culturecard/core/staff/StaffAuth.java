package org.culturecard.core.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.culturecard.core.event.Coded;

/**
 * How a venue's staff open staff mode on its kiosks: a per-venue setting kept at central and sent
 * in the venue config. Card and PIN together is the default, because a staff card alone is a
 * key anyone can pick up; the rules for each staff member's credentials under each setting are in
 * ADR 0012 and in the kiosk's {@code StaffAuthRules}.
 */
public enum StaffAuth implements Coded {
    /** A staff card, then that member's PIN (members without a card: their PIN alone). */
    CARD_AND_PIN("card-and-pin"),
    /** A staff card alone (members without a card: their PIN alone). */
    CARD_ONLY("card-only"),
    /** A PIN alone; a staff card tapped only says whose PIN is asked for. */
    PIN_ONLY("pin-only");

    /** The setting of a venue that has never chosen one. */
    public static final StaffAuth DEFAULT = CARD_AND_PIN;

    private final String code;

    StaffAuth(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static StaffAuth fromCode(String code) {
        return Coded.fromCode(StaffAuth.class, code);
    }
}
