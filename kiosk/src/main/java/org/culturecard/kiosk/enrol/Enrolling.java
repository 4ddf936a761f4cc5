package org.culturecard.kiosk.enrol;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.privacy.Token;
import org.culturecard.sip2.PatronPin;

/**
 * What the register screens need: {@link EnrolmentDesk} and the chip capture, or {@link #none()} on a
 * kiosk that does not enrol. Every method but the chip waiter's asks the library system or the disk:
 * call them off the UI thread.
 */
public interface Enrolling extends ChipWaiter {
    /** Whether a library system is configured. */
    boolean configured();

    /** Whether card holders may register themselves with their PIN here. */
    boolean selfService();

    RegisterOutcome register(Token chip, LibraryBarcode barcode, String staffName);

    /** A card holder's own registration: the chip tapped (or null), the number scanned, the PIN typed. */
    RegisterOutcome registerSelf(Token chip, LibraryBarcode barcode, PatronPin pin);

    RegisterOutcome replace(Token chip, LibraryBarcode newCard, LibraryBarcode oldCard, String staffName);

    List<Enrolment> today();

    RegisterOutcome undo(UUID enrolmentId, String staffName);

    /** The desk and the chip capture as one port. */
    static Enrolling of(EnrolmentDesk desk, ChipWaiter chip, boolean selfService) {
        return new Enrolling() {
            @Override
            public boolean configured() {
                return desk.configured();
            }

            @Override
            public boolean selfService() {
                return selfService && desk.configured();
            }

            @Override
            public RegisterOutcome register(Token chipToken, LibraryBarcode barcode, String staffName) {
                return desk.register(chipToken, barcode, staffName);
            }

            @Override
            public RegisterOutcome registerSelf(Token chipToken, LibraryBarcode barcode, PatronPin pin) {
                return desk.registerSelf(chipToken, barcode, pin);
            }

            @Override
            public RegisterOutcome replace(Token chipToken, LibraryBarcode newCard, LibraryBarcode oldCard,
                                           String staffName) {
                return desk.replace(chipToken, newCard, oldCard, staffName);
            }

            @Override
            public List<Enrolment> today() {
                return desk.today();
            }

            @Override
            public RegisterOutcome undo(UUID enrolmentId, String staffName) {
                return desk.undo(enrolmentId, staffName);
            }

            @Override
            public void await(Consumer<Token> onCard) {
                chip.await(onCard);
            }

            @Override
            public void stop() {
                chip.stop();
            }
        };
    }

    /** A kiosk without a library system: every registration says so, and no tap is taken. */
    static Enrolling none() {
        return new Enrolling() {
            @Override
            public boolean configured() {
                return false;
            }

            @Override
            public boolean selfService() {
                return false;
            }

            @Override
            public RegisterOutcome register(Token chipToken, LibraryBarcode barcode, String staffName) {
                return new RegisterOutcome.NotConfigured();
            }

            @Override
            public RegisterOutcome registerSelf(Token chipToken, LibraryBarcode barcode, PatronPin pin) {
                return new RegisterOutcome.NotConfigured();
            }

            @Override
            public RegisterOutcome replace(Token chipToken, LibraryBarcode newCard, LibraryBarcode oldCard,
                                           String staffName) {
                return new RegisterOutcome.NotConfigured();
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
                // no library system: taps stay check-ins
            }

            @Override
            public void stop() {
                // nothing awaited
            }
        };
    }
}
