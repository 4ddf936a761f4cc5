package org.culturecard.kiosk.checkin;

/**
 * Whether a checked-in card is registered, as the kiosk's copy of the enrolled-card filter says,
 * and so what the screen says about it. The filter never misses a registered card and welcomes the
 * odd unregistered one (its false positives), so the kiosk never tells a registered holder to register.
 */
public enum Registration {
    /** The card's token is in the filter. */
    REGISTERED,
    /** The kiosk has no filter yet (or none it can read): nothing is known, and the screen welcomes as ever. */
    UNKNOWN,
    /** Not in the filter; the venue records such cards silently, so the screen welcomes as ever. */
    NOT_REGISTERED,
    /** Not in the filter; the venue records and reminds: the screen asks the holder to register with staff. */
    NOT_REGISTERED_REMIND;

    /** True when the screen asks the holder to register the card. */
    public boolean remind() {
        return this == NOT_REGISTERED_REMIND;
    }
}
