package org.culturecard.kiosk.ui.screen;

import java.util.Objects;

/**
 * Every screen the kiosk can show. The view shows exactly one; the view model decides which. Each
 * screen names its {@link Group}, so the order of the constants means nothing.
 */
public enum Screen {
    ATTRACT(Group.ATTRACT),
    WELCOME(Group.RESULT),
    ALREADY_CHECKED_IN(Group.RESULT),
    /** Checked in, and the venue asks holders of unregistered cards to register them with staff. */
    NOT_REGISTERED(Group.RESULT),
    NOT_A_LIBRARY_CARD(Group.RESULT),
    READER_UNAVAILABLE(Group.RESULT),
    ERROR(Group.RESULT),
    /** A staff card that may not open staff mode (revoked, or no PIN where one is needed). */
    STAFF_CARD_REFUSED(Group.RESULT),
    STAFF_PIN(Group.PIN),
    STAFF(Group.STAFF),
    STAFF_EVENTS(Group.STAFF),
    STAFF_EDITOR(Group.STAFF),
    STAFF_STATUS(Group.STAFF),
    STAFF_SETTINGS(Group.STAFF),
    /** "Register a card": a tap here gives the chip of the card to register, never a check-in. */
    STAFF_REGISTER(Group.STAFF),
    /** A card holder registers their own card (tap, scan, PIN): a tap here gives its chip, never a check-in. */
    SELF_REGISTER(Group.SELF);

    /** The kinds of screen, each shown by its own view. */
    public enum Group {
        /** The screen that waits for a tap. */
        ATTRACT,
        /** The screens that answer a tap or report a problem, shown by the result view. */
        RESULT,
        /** The staff PIN pad: the way into staff mode. */
        PIN,
        /** Staff mode's pages. */
        STAFF,
        /** A card holder's own registration, from the attract screen where the kiosk allows it. */
        SELF
    }

    private final Group group;

    Screen(Group group) {
        this.group = Objects.requireNonNull(group, "group");
    }

    public Group group() {
        return group;
    }

    /** The staff screens (the PIN pad included): they time out to attract after a minute idle. */
    public boolean isStaff() {
        return group == Group.PIN || group == Group.STAFF;
    }

    /** The screens that answer a tap or report a problem, shown by the result view. */
    public boolean isResult() {
        return group == Group.RESULT;
    }

    /** Whether a tap is checked in while this screen shows: everywhere but staff mode's pages and self-registration. */
    public boolean acceptsTaps() {
        return group != Group.STAFF && group != Group.SELF;
    }

    /** The screens that go back to attract after a minute without a touch: staff mode and self-registration. */
    public boolean timesOutWhenIdle() {
        return isStaff() || group == Group.SELF;
    }
}
