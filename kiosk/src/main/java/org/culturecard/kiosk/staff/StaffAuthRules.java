package org.culturecard.kiosk.staff;

import org.culturecard.core.staff.StaffAuth;
import org.culturecard.kioskdb.StaffRow;

/**
 * The rules of ADR 0012 for opening staff mode, as pure functions of the venue's {@link StaffAuth}
 * setting and one staff member's credentials, so that every combination is tested without a
 * kiosk around it.
 *
 * <table>
 *   <caption>What opens staff mode</caption>
 *   <tr><th>setting</th><th>card tapped, member has a PIN</th><th>card tapped, no PIN</th><th>PIN alone</th></tr>
 *   <tr><td>card-and-pin</td><td>that member's PIN is asked</td><td>refused</td><td>members without a card</td></tr>
 *   <tr><td>card-only</td><td>opens</td><td>opens</td><td>members without a card</td></tr>
 *   <tr><td>pin-only</td><td>that member's PIN is asked</td><td>refused</td><td>every member with a PIN</td></tr>
 * </table>
 *
 * A revoked member's card is refused and their PIN never matches. Members without a card may use
 * their PIN alone under every setting: staff enrolled before cards were required keep working, and
 * their only factor is guarded by the lockout. A member who has a card must present it unless the
 * venue chose PIN only, or the card would add nothing.
 */
public final class StaffAuthRules {

    /** What a tap of a staff member's card comes to. */
    public enum CardVerdict {
        /** Staff mode opens. */
        OPEN,
        /** That member's PIN is asked next. */
        ASK_PIN,
        /** Refused: the venue needs a PIN and none is set for the member. */
        REFUSED_NO_PIN,
        /** Refused: central revoked the member (a lost card, someone who left). */
        REFUSED_REVOKED
    }

    private StaffAuthRules() {}

    public static CardVerdict onCard(StaffAuth auth, StaffRow member) {
        if (member.revoked()) {
            return CardVerdict.REFUSED_REVOKED;
        }
        if (auth == StaffAuth.CARD_ONLY) {
            return CardVerdict.OPEN;
        }
        return member.hasPin() ? CardVerdict.ASK_PIN : CardVerdict.REFUSED_NO_PIN;
    }

    /** True when this member may open staff mode with their PIN alone, from the staff button. */
    public static boolean pinAloneAllowed(StaffAuth auth, StaffRow member) {
        return !member.revoked() && member.hasPin() && (auth == StaffAuth.PIN_ONLY || !member.hasCard());
    }

    /** True when this member's PIN may follow a tap of their card. */
    public static boolean pinAfterCardAllowed(StaffAuth auth, StaffRow member) {
        return member.hasCard() && onCard(auth, member) == CardVerdict.ASK_PIN;
    }
}
