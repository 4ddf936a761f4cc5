package org.culturecard.kiosk.ui;

/** Every screen the kiosk can show. The view shows exactly one; the view model decides which. */
public enum Screen {
    ATTRACT,
    WELCOME,
    ALREADY_CHECKED_IN,
    NOT_A_LIBRARY_CARD,
    READER_UNAVAILABLE,
    STAFF,
    ERROR
}
