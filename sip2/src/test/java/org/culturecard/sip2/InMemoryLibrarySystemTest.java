package org.culturecard.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake passes the contract the real client passes, and counts what it was asked. */
class InMemoryLibrarySystemTest extends LibrarySystemContract {
    private InMemoryLibrarySystem fake;

    @Override
    protected LibrarySystem systemWith(List<ContractPatron> patrons) {
        fake = new InMemoryLibrarySystem(CLOCK);
        for (ContractPatron p : patrons) {
            InMemoryLibrarySystem.Patron patron = InMemoryLibrarySystem.Patron.valid(p.barcode()).withPin(p.pin())
                    .validUntil(p.expiry()).bornOn(p.birthDate());
            boolean expired = p.expiry() != null && p.expiry().isBefore(TODAY);
            fake.with(switch (p.standing()) {
                case VALID -> expired ? patron.withFlags(PatronFlag.CHARGE_PRIVILEGES_DENIED) : patron;
                case BLOCKED -> patron.withFlags(PatronFlag.CHARGE_PRIVILEGES_DENIED, PatronFlag.EXCESSIVE_OUTSTANDING_FINES);
                case LOST -> patron.withFlags(PatronFlag.CARD_REPORTED_LOST, PatronFlag.CHARGE_PRIVILEGES_DENIED);
            });
        }
        return fake;
    }

    @Override
    protected void makeUnreachable() {
        fake.makeUnavailable(LmsUnavailable.Reason.UNREACHABLE);
    }

    @Test
    void countsTheQuestionsItWasAskedAndComesBackWhenMadeAvailable() {
        InMemoryLibrarySystem lms = new InMemoryLibrarySystem(CLOCK).with(InMemoryLibrarySystem.Patron.valid("123"));
        lms.makeUnavailable(LmsUnavailable.Reason.TIMEOUT);

        assertThat(lms.patronStatus(PatronBarcode.of("123"))).isInstanceOfSatisfying(LmsUnavailable.class,
                u -> assertThat(u.reason()).isEqualTo(LmsUnavailable.Reason.TIMEOUT));
        lms.makeAvailable();
        assertThat(lms.patronStatus(PatronBarcode.of("123"))).isInstanceOf(ValidPatron.class);
        assertThat(lms.calls()).isEqualTo(2);
    }

    @Test
    void showsNoBarcodeInItsPatronsToString() {
        assertThat(InMemoryLibrarySystem.Patron.valid("29000123456789").withPin("1234")).asString()
                .doesNotContain("29000123456789").doesNotContain("1234");
    }
}
