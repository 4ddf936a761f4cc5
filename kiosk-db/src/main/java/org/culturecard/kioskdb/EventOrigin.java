package org.culturecard.kioskdb;

/** Where an event was made: by staff on this kiosk, or in central's venue configuration. */
public enum EventOrigin {
    KIOSK("kiosk"),
    CENTRAL("central");

    private final String code;

    EventOrigin(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static EventOrigin fromCode(String code) {
        for (EventOrigin origin : values()) {
            if (origin.code.equals(code)) {
                return origin;
            }
        }
        throw new IllegalArgumentException("unknown event origin: " + code);
    }
}
