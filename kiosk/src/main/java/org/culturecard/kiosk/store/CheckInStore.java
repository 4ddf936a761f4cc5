package org.culturecard.kiosk.store;

import java.util.Optional;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.kioskdb.StaffRow;

/**
 * What the check-in service needs from the kiosk's store: is this card a staff card, what the venue's
 * staff sign-in asks, and, in one transaction, decide and record a visit. {@link SqliteKioskStore} is
 * the adapter.
 */
public interface CheckInStore {

    /** The staff member whose enrolled card has this token, revoked or not. */
    Optional<StaffRow> staffByCard(Token cardToken);

    /** The venue's staff-auth setting, as the sync agent last wrote it from the venue config. */
    StaffAuth staffAuth();

    /**
     * Decides and records a visit in one transaction: the event running at the tap (active, not
     * closed, not over), the duplicate check (once per event, or one general visit a day), the
     * check-in with its outbox row, and the visit days this year. On disk when this returns.
     */
    VisitOutcome recordVisit(VisitRequest request);
}
