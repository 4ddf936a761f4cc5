package org.culturecard.kiosk;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.enrol.Enrolling;
import org.culturecard.kiosk.enrol.RegisterOutcome;
import org.culturecard.sip2.PatronPin;

/**
 * "Register a card" for {@link ScreenshotTool}'s pictures: a library system is configured and says
 * every card is a valid one of an 11-to-15-year-old, and card holders may register themselves (so
 * the attract screen offers "Register my card"); no chip is ever tapped and nothing is kept.
 */
final class ShowcaseEnrolling implements Enrolling {
    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public boolean selfService() {
        return true;
    }

    @Override
    public RegisterOutcome register(Token chip, LibraryBarcode barcode, String staffName) {
        return new RegisterOutcome.Registered(Optional.of(AgeBand.AGE_11_15), false);
    }

    @Override
    public RegisterOutcome registerSelf(Token chip, LibraryBarcode barcode, PatronPin pin) {
        return new RegisterOutcome.Registered(Optional.of(AgeBand.AGE_11_15), false);
    }

    @Override
    public RegisterOutcome replace(Token chip, LibraryBarcode newCard, LibraryBarcode oldCard, String staffName) {
        return new RegisterOutcome.Registered(Optional.empty(), true);
    }

    @Override
    public List<Enrolment> today() {
        return List.of();
    }

    @Override
    public RegisterOutcome undo(UUID enrolmentId, String staffName) {
        return new RegisterOutcome.NothingToUndo();
    }

    @Override
    public void await(Consumer<Token> onCard) {
        // no card is tapped in a picture: the page says it is waiting for one
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
