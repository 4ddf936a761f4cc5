package org.culturecard.central.store;

/** Where a stored check-in's {@code tapped_at} came from (ADR 9); the {@code time_basis} column. */
public enum TimeBasis {
    /** The kiosk's own tap time, plausible. */
    KIOSK("kiosk"),
    /** Re-based on central's receipt time from the kiosk's sentAt - tappedAt; the claim is kept. */
    REBASED("rebased"),
    /** Not placeable: tapped_at is the receipt time, the claim is kept, and reports leave the row out. */
    IMPLAUSIBLE("implausible");

    private final String code;

    TimeBasis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
