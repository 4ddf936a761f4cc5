package org.culturecard.kiosk.checkin;

import org.culturecard.core.privacy.Token;

/** Whether a card is registered: the check-in service's port on the enrolled-card filter ({@link EnrolledCardsFile}). */
@FunctionalInterface
public interface EnrolledCards {
    /** A kiosk without a filter: every card is {@link Registration#UNKNOWN}. */
    EnrolledCards NONE = token -> Registration.UNKNOWN;

    /** What the filter and the venue's setting say of {@code token}; off the UI thread (disk, the first time). */
    Registration registrationOf(Token token);
}
