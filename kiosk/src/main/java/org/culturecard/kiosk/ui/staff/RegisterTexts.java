package org.culturecard.kiosk.ui.staff;

import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.kiosk.enrol.RegisterOutcome;
import org.culturecard.kiosk.ui.screen.Messages;

/** The words for each registration outcome, from the resource bundles: the band only, never the card. */
public final class RegisterTexts {
    private RegisterTexts() {
    }

    public static String of(RegisterOutcome outcome, Messages messages) {
        if (outcome instanceof RegisterOutcome.Registered registered) {
            return messages.text(registered.replacement() ? "register.replaced" : "register.ok",
                    band(registered.band().orElse(null), messages));
        } else if (outcome instanceof RegisterOutcome.SeeLibraryStaff see) {
            return messages.text(see.why() == RegisterOutcome.SeeLibraryStaff.Why.BLOCKED ? "register.blocked"
                    : "register.expired");
        }
        return messages.text(key(outcome));
    }

    private static String key(RegisterOutcome outcome) {
        if (outcome instanceof RegisterOutcome.Undone) {
            return "register.undone";
        } else if (outcome instanceof RegisterOutcome.NothingToUndo) {
            return "register.nothingToUndo";
        } else if (outcome instanceof RegisterOutcome.NotALibraryCard) {
            return "register.notCard";
        } else if (outcome instanceof RegisterOutcome.CardLost) {
            return "register.lost";
        } else if (outcome instanceof RegisterOutcome.WrongPin) {
            return "register.wrongPin";
        } else if (outcome instanceof RegisterOutcome.OldCardNotReplaced) {
            return "register.oldNotReplaced";
        } else if (outcome instanceof RegisterOutcome.NotConfigured) {
            return "register.notConfigured";
        }
        return "register.unreachable";
    }

    /** "11-15", or "no band" when the library system gave no birth date. */
    static String band(AgeBand band, Messages messages) {
        return band == null ? messages.text("register.noBand") : band.code();
    }
}
