package org.culturecard.kiosk.ui;

/** Every screen the kiosk can show. The view shows exactly one; the view model decides which. */
public enum Screen {
    ATTRACT,
    WELCOME,
    ALREADY_CHECKED_IN,
    NOT_A_LIBRARY_CARD,
    READER_UNAVAILABLE,
    ERROR,
    /** A staff card that may not open staff mode (revoked, or no PIN where one is needed). */
    STAFF_CARD_REFUSED,
    STAFF_PIN,
    STAFF,
    STAFF_EVENTS,
    STAFF_EDITOR,
    STAFF_STATUS,
    STAFF_SETTINGS;

    /** The staff screens (the PIN pad included): they time out to attract after a minute idle. */
    public boolean isStaff() {
        return ordinal() >= STAFF_PIN.ordinal();
    }

    /** The screens that answer a tap or report a problem, shown by the result view. */
    public boolean isResult() {
        return this != ATTRACT && !isStaff();
    }
}
