package org.culturecard.core.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Token;

/**
 * One enrolment as a kiosk records it and sends it to central (in an
 * {@code wire.EnrolmentBatch}): the library system said the card is a valid
 * library card, and this binds its tokens to one person. Tokens and the age band only: never the
 * number, PIN, name or birth date.
 *
 * <table>
 *   <caption>What each kind carries</caption>
 *   <tr><th>kind</th><th>barcodeToken</th><th>chipToken</th><th>oldBarcodeToken</th><th>undoes</th>
 *       <th>validUntil</th><th>ageBand</th></tr>
 *   <tr><td>ENROL</td><td>the card's</td><td>optional</td><td>none</td><td>none</td><td>required</td><td>optional</td></tr>
 *   <tr><td>REPLACE</td><td>the new card's</td><td>optional</td><td>the old card's</td><td>none</td><td>required</td>
 *       <td>optional</td></tr>
 *   <tr><td>UNDO</td><td>as in the undone record</td><td>as in the undone record</td><td>none</td>
 *       <td>the undone record's id</td><td>none</td><td>none</td></tr>
 * </table>
 *
 * @param id              a UUIDv7, the record's key everywhere (a redelivery is recognised by it)
 * @param kind            what the record does
 * @param chipToken       the chip's token ({@code tokenFor(uid)}), or null when the card was not tapped
 * @param barcodeToken    the barcode's token ({@code tokenFor(LibraryBarcode)})
 * @param oldBarcodeToken for {@link Kind#REPLACE}: the token of the number of the card it replaces,
 *                        which the library system reported lost or replaced
 * @param undoes          for {@link Kind#UNDO}: the id of the enrolment it takes back (within the day)
 * @param ageBand         the holder's band on the day, or null when the library system gave no birth date
 * @param bandChangesOn   the month in which {@code ageBand} next changes: present exactly when the band
 *                        has a next one ({@link AgeBand.Reading#changesIn()})
 * @param validUntil      the last day the enrolment counts: the library system's expiry, or the scheme's
 *                        default validity when it gives none
 * @param enrolledAt      when the kiosk recorded it
 * @param staffId         the {@link org.culturecard.core.staff.StaffMember#id()} of the staff member who
 *                        did it, or null for a self-service enrolment with the card's PIN
 */
public record Enrolment(
        UUID id,
        Kind kind,
        Token chipToken,
        Token barcodeToken,
        Token oldBarcodeToken,
        UUID undoes,
        AgeBand ageBand,
        YearMonth bandChangesOn,
        LocalDate validUntil,
        Instant enrolledAt,
        UUID staffId) {

    /** What an enrolment record does. */
    public enum Kind {
        /** Binds a card's barcode token (and its chip token, when tapped) to one person. */
        ENROL,
        /** Binds a replacement card to the person of the card whose number it replaces. */
        REPLACE,
        /** Takes back a mistaken enrolment of the same day. */
        UNDO
    }

    public Enrolment {
        Objects.requireNonNull(id, "id");
        if (!UuidV7.isV7(id)) {
            throw new IllegalArgumentException("an enrolment id is a UUIDv7");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(barcodeToken, "barcodeToken");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        if (barcodeToken.equals(chipToken)) {
            throw new IllegalArgumentException("chipToken and barcodeToken are the tokens of two faces of a card");
        }
        requireWhen(kind == Kind.REPLACE, oldBarcodeToken, "oldBarcodeToken", kind);
        requireWhen(kind == Kind.UNDO, undoes, "undoes", kind);
        requireWhen(kind != Kind.UNDO, validUntil, "validUntil", kind);
        if (barcodeToken.equals(oldBarcodeToken)) {
            throw new IllegalArgumentException("a replacement card's barcodeToken differs from its oldBarcodeToken");
        }
        if (kind == Kind.UNDO && ageBand != null) {
            throw new IllegalArgumentException("an UNDO has no ageBand");
        }
        boolean changes = ageBand != null && ageBand.next().isPresent();
        if (changes != (bandChangesOn != null)) {
            throw new IllegalArgumentException("bandChangesOn is present exactly when ageBand has a next band");
        }
    }

    /** An enrolment of a card: its barcode, its chip when tapped, and what the library system said. */
    public static Enrolment enrol(UUID id, Token chipToken, Token barcodeToken, AgeBand.Reading age,
            LocalDate validUntil, Instant enrolledAt, UUID staffId) {
        return new Enrolment(id, Kind.ENROL, chipToken, barcodeToken, null, null, band(age), changes(age),
                validUntil, enrolledAt, staffId);
    }

    /** A replacement card joining the person of the card whose number {@code oldBarcodeToken} is. */
    public static Enrolment replace(UUID id, Token chipToken, Token barcodeToken, Token oldBarcodeToken,
            AgeBand.Reading age, LocalDate validUntil, Instant enrolledAt, UUID staffId) {
        return new Enrolment(id, Kind.REPLACE, chipToken, barcodeToken, oldBarcodeToken, null, band(age),
                changes(age), validUntil, enrolledAt, staffId);
    }

    /** Takes back {@code undone}, recorded by mistake. */
    public static Enrolment undo(UUID id, Enrolment undone, Instant at, UUID staffId) {
        if (undone.kind() == Kind.UNDO) {
            throw new IllegalArgumentException("an UNDO cannot be undone");
        }
        return new Enrolment(id, Kind.UNDO, undone.chipToken(), undone.barcodeToken(), null, undone.id(), null, null,
                null, at, staffId);
    }

    private static AgeBand band(AgeBand.Reading age) {
        return age == null ? null : age.band();
    }

    private static YearMonth changes(AgeBand.Reading age) {
        return age == null ? null : age.changesIn();
    }

    private static void requireWhen(boolean required, Object value, String field, Kind kind) {
        if (required && value == null) {
            throw new IllegalArgumentException(field + " is required for " + kind);
        }
        if (!required && value != null) {
            throw new IllegalArgumentException(field + " is not allowed for " + kind);
        }
    }
}
