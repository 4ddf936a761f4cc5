package org.culturecard.central.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.culturecard.central.store.IdentityStore.Validity;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.junit.jupiter.api.Test;

/** The merge, replace and undo rules of ADR 30 against a store in memory. */
class IdentitiesTest {

    private static final VenueId VENUE = VenueId.of("library-y");
    private static final KioskId KIOSK = KioskId.of("kiosk-b");
    /** 10:00 in London (BST) on 2 June 2026. */
    private static final Instant AT = Instant.parse("2026-06-02T09:00:00Z");
    private static final LocalDate UNTIL = LocalDate.of(2028, 6, 30);

    private final FakeIdentityStore store = new FakeIdentityStore();
    private final Identities identities = new Identities();
    private final UuidV7 ids = UuidV7.system();
    private final UUID staff = UUID.randomUUID();

    IdentitiesTest() {
        store.staff.add(VENUE + "/" + staff);
    }

    private static Token token(int n) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) n;
        bytes[31] = (byte) (n * 7 + 1);
        return Token.of(HexFormat.of().formatHex(bytes));
    }

    private Outcome apply(Enrolment record) {
        return apply(record, VENUE);
    }

    private Outcome apply(Enrolment record, VenueId venue) {
        return store.inTransaction(tx -> identities.apply(tx, record, venue, KIOSK, record.enrolledAt()));
    }

    private Enrolment enrol(Token chip, Token barcode, Instant at) {
        return Enrolment.enrol(ids.get(), chip, barcode, null, UNTIL, at, staff);
    }

    /** A token seen at a kiosk before any enrolment: a person of its own, as the rollup makes them. */
    private int seen(Token token) {
        return store.people(List.of(token.value())).get(token.value()).person();
    }

    @Test
    void anEnrolmentBindsTheChipAndTheBarcodeToOnePersonValidUntilItsExpiry() {
        Token chip = token(1);
        Token barcode = token(2);

        assertThat(apply(enrol(chip, barcode, AT))).isEqualTo(new Outcome.Applied("bind"));

        int person = store.person(chip.value());
        assertThat(store.person(barcode.value())).isEqualTo(person);
        assertThat(store.validity.get(person)).containsExactly(new Validity(null, UNTIL));
        assertThat(store.audit).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo("bind"));
    }

    @Test
    void twoPeopleWithHistoryMergeIntoTheOlderAndBothPeoplesDaysAreMarkedDirty() {
        Token chip = token(3);
        Token barcode = token(4);
        int chipPerson = seen(chip);
        int barcodePerson = seen(barcode);

        assertThat(apply(enrol(chip, barcode, AT))).isEqualTo(new Outcome.Applied("merge"));

        assertThat(store.person(chip.value())).isEqualTo(chipPerson);
        assertThat(store.person(barcode.value())).isEqualTo(chipPerson);
        assertThat(store.dirtyTokens).contains(chip.value(), barcode.value());
        assertThat(store.audit.get(0).persons()).containsExactly(chipPerson, barcodePerson);
    }

    @Test
    void aRedeliveredRecordIsADuplicateAndChangesNothing() {
        Enrolment record = enrol(token(5), token(6), AT);
        apply(record);

        assertThat(apply(record)).isEqualTo(new Outcome.Duplicate());
        assertThat(store.audit).hasSize(1);
    }

    @Test
    void aReplacementCardJoinsTheOldCardsPersonAndTheOldBarcodeIsLostFromThen() {
        Token oldChip = token(7);
        Token oldBarcode = token(8);
        apply(enrol(oldChip, oldBarcode, AT.minusSeconds(86_400 * 30)));
        int person = store.person(oldBarcode.value());
        Token newChip = token(9);
        Token newBarcode = token(10);

        Outcome outcome = apply(Enrolment.replace(ids.get(), newChip, newBarcode, oldBarcode, null, UNTIL, AT, staff));

        assertThat(outcome).isEqualTo(new Outcome.Applied("replace"));
        assertThat(List.of(newChip, newBarcode, oldChip)).allSatisfy(t -> assertThat(store.person(t.value())).isEqualTo(person));
        assertThat(store.lost(oldBarcode.value())).isEqualTo(AT);
        assertThat(store.lost(oldChip.value())).as("only the number the library reported lost").isNull();
        assertThat(store.validity.get(person)).containsExactly(new Validity(null, UNTIL),
                new Validity(LocalDate.of(2026, 6, 2), UNTIL));
    }

    @Test
    void aReplacementOfATokenNeverSeenMakesOnePersonOfAllThreeTokens() {
        Token old = token(11);
        Outcome outcome = apply(Enrolment.replace(ids.get(), token(12), token(13), old, null, UNTIL, AT, staff));

        assertThat(outcome).isEqualTo(new Outcome.Applied("replace"));
        assertThat(store.person(token(12).value())).isEqualTo(store.person(old.value()))
                .isEqualTo(store.person(token(13).value()));
        assertThat(store.lost(old.value())).isEqualTo(AT);
    }

    @Test
    void anUndoTheSameDaySplitsTheMergeBackAndClearsTheLostMark() {
        Token chip = token(14);
        Token barcode = token(15);
        int chipPerson = seen(chip);
        int barcodePerson = seen(barcode);
        Enrolment merge = enrol(chip, barcode, AT);
        apply(merge);

        Outcome outcome = apply(Enrolment.undo(ids.get(), merge, AT.plusSeconds(3_600 * 12), staff));

        assertThat(outcome).isEqualTo(new Outcome.Applied("split"));
        assertThat(store.person(chip.value())).isEqualTo(chipPerson);
        assertThat(store.person(barcode.value())).isEqualTo(barcodePerson);
        assertThat(store.validity.get(chipPerson)).isNull();

        Enrolment replace = Enrolment.replace(ids.get(), null, token(16), barcode, null, UNTIL, AT, staff);
        apply(replace);
        apply(Enrolment.undo(ids.get(), replace, AT.plusSeconds(60), staff));
        assertThat(store.lost(barcode.value())).isNull();
        assertThat(store.person(token(16).value())).isNotEqualTo(barcodePerson);
    }

    @Test
    void anUndoAfterTheLondonDayIsRefusedAndAuditedAndChangesNothing() {
        Token chip = token(17);
        Token barcode = token(18);
        Enrolment record = enrol(chip, barcode, AT);
        apply(record);
        // 23:30 UTC on 2 June is 00:30 on 3 June in London (BST): the next day
        Enrolment late = Enrolment.undo(ids.get(), record, Instant.parse("2026-06-02T23:30:00Z"), staff);

        Outcome outcome = apply(late);

        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) outcome).reason()).contains("that day only");
        assertThat(store.person(chip.value())).isEqualTo(store.person(barcode.value()));
        assertThat(store.audit).last().satisfies(c -> assertThat(c.action()).isEqualTo("undo-refused"));
        assertThat(store.enrolment(late.id())).hasValueSatisfying(s -> assertThat(s.applied()).isFalse());
    }

    @Test
    void anUndoFromAnotherVenueOrOfAnUnknownRecordIsRefused() {
        Enrolment record = enrol(token(19), token(20), AT);
        apply(record);
        store.staff.add("museum-x/" + staff);

        assertThat(apply(Enrolment.undo(ids.get(), record, AT, staff), VenueId.of("museum-x")))
                .isInstanceOf(Outcome.Refused.class);
        Enrolment unknown = enrol(token(21), token(22), AT);
        assertThat(apply(Enrolment.undo(ids.get(), unknown, AT, staff))).isInstanceOf(Outcome.Refused.class);
        assertThat(store.person(token(19).value())).isEqualTo(store.person(token(20).value()));
    }

    @Test
    void aStaffIdThatIsNotTheVenuesIsRefusedAndAuditedWhileSelfServiceIsApplied() {
        Enrolment stranger = Enrolment.enrol(ids.get(), token(23), token(24), null, UNTIL, AT, UUID.randomUUID());
        Enrolment self = Enrolment.enrol(ids.get(), token(25), token(26), null, UNTIL, AT, null);

        assertThat(apply(stranger)).isInstanceOf(Outcome.Refused.class);
        assertThat(apply(self)).isEqualTo(new Outcome.Applied("bind"));
        assertThat(seen(token(23))).as("not bound").isNotEqualTo(seen(token(24)));
        assertThat(store.audit.get(0).action()).isEqualTo("refused");
    }

    @Test
    void aLaterEnrolmentLinkingTheSameTokensKeepsThemJoinedWhenTheFirstIsUndone() {
        Token chip = token(27);
        Token barcode = token(28);
        Enrolment first = enrol(chip, barcode, AT);
        apply(first);
        apply(enrol(chip, barcode, AT.plusSeconds(60)));

        assertThat(apply(Enrolment.undo(ids.get(), first, AT.plusSeconds(120), staff))).isEqualTo(new Outcome.Applied("undo"));
        assertThat(store.person(chip.value())).isEqualTo(store.person(barcode.value()));
    }
}
