package org.culturecard.kiosk.enrol;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.store.EnrolmentStore;
import org.culturecard.sip2.BlockedPatron;
import org.culturecard.sip2.ExpiredCard;
import org.culturecard.sip2.LibrarySystem;
import org.culturecard.sip2.LmsUnavailable;
import org.culturecard.sip2.LostCard;
import org.culturecard.sip2.PatronBarcode;
import org.culturecard.sip2.PatronCheck;
import org.culturecard.sip2.PatronPin;
import org.culturecard.sip2.UnknownPatron;
import org.culturecard.sip2.ValidPatron;
import org.culturecard.sip2.WrongPin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers library cards: asks the library system about a card (patron information, 63/64, for its
 * expiry and the holder's birth date; patron status, 23/24, for a replaced card's old number) and,
 * when it is a valid card, appends an {@link Enrolment} to the enrolment outbox. The barcode goes to
 * the LMS and to the pseudonymiser, nowhere else; the birth date becomes an {@link AgeBand} in memory.
 * Nothing is stored unless the LMS said the card is valid. Headless and blocking (the LMS and the
 * disk): call it off the UI thread; calls are serialised.
 */
public final class EnrolmentDesk {
    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentDesk.class);

    private final Optional<LibrarySystem> lms;
    private final Pseudonymiser pseudonymiser;
    private final EnrolmentStore store;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Period defaultValidity;

    /**
     * @param lms             the library system, or empty when the kiosk's config has no {@code sip2.*} section
     * @param clock           the enrolment time; its zone is the kiosk's day
     * @param ids             record ids; production passes {@link org.culturecard.core.ids.UuidV7}
     * @param defaultValidity how long an enrolment counts when the LMS gives no expiry
     */
    public EnrolmentDesk(Optional<LibrarySystem> lms, Pseudonymiser pseudonymiser, EnrolmentStore store, Clock clock,
                         Supplier<UUID> ids, Period defaultValidity) {
        this.lms = Objects.requireNonNull(lms, "lms");
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.defaultValidity = Objects.requireNonNull(defaultValidity, "defaultValidity");
    }

    /** Whether a library system is configured: without one every registration answers {@link RegisterOutcome.NotConfigured}. */
    public boolean configured() {
        return lms.isPresent();
    }

    /** Staff register a card: its barcode, and its chip's token when it was tapped (else null). */
    public synchronized RegisterOutcome register(Token chip, LibraryBarcode barcode, String staffName) {
        if (lms.isEmpty()) {
            return new RegisterOutcome.NotConfigured();
        }
        PatronCheck check = lms.get().patronInformation(PatronBarcode.of(barcode.number()));
        return enrol(check, chip, barcode, null, staffId(staffName));
    }

    /** A card holder registers their own card at the attract screen with its PIN (no staff, no chip). */
    public RegisterOutcome registerSelf(LibraryBarcode barcode, PatronPin pin) {
        return registerSelf(null, barcode, pin);
    }

    /** A card holder registers their own card with its PIN: its chip's token when it was tapped (else null). */
    public synchronized RegisterOutcome registerSelf(Token chip, LibraryBarcode barcode, PatronPin pin) {
        if (lms.isEmpty()) {
            return new RegisterOutcome.NotConfigured();
        }
        return enrol(lms.get().patronInformation(PatronBarcode.of(barcode.number()), pin), chip, barcode, null, null);
    }

    /**
     * A replacement card: the new card must be valid, and the LMS must report the old number lost or
     * no longer know it (libraries that give a replacement a new number retire the old one).
     */
    public synchronized RegisterOutcome replace(Token chip, LibraryBarcode newCard, LibraryBarcode oldCard,
                                                String staffName) {
        if (lms.isEmpty()) {
            return new RegisterOutcome.NotConfigured();
        }
        if (newCard.equals(oldCard)) {
            return new RegisterOutcome.OldCardNotReplaced();
        }
        PatronCheck fresh = lms.get().patronInformation(PatronBarcode.of(newCard.number()));
        if (!(fresh instanceof ValidPatron)) {
            return outcomeOf(fresh, "replacement card");
        }
        PatronCheck old = lms.get().patronStatus(PatronBarcode.of(oldCard.number()));
        if (old instanceof LmsUnavailable unavailable) {
            return unreachable(unavailable);
        }
        if (!(old instanceof LostCard) && !(old instanceof UnknownPatron)) {
            LOG.info("Replacement refused: the LMS reports the old card as {}, not lost or replaced",
                    old.getClass().getSimpleName());
            return new RegisterOutcome.OldCardNotReplaced();
        }
        return enrol(fresh, chip, newCard, pseudonymiser.tokenFor(oldCard), staffId(staffName));
    }

    /** Today's enrolments that may still be undone, newest first. */
    public synchronized List<Enrolment> today() {
        return store.undoableToday();
    }

    /** Takes back one of today's enrolments. */
    public synchronized RegisterOutcome undo(UUID enrolmentId, String staffName) {
        Optional<Enrolment> undone = store.undoableToday().stream().filter(e -> e.id().equals(enrolmentId)).findFirst();
        if (undone.isEmpty()) {
            LOG.info("Undo of enrolment {} refused: not one of today's", enrolmentId);
            return new RegisterOutcome.NothingToUndo();
        }
        store.append(Enrolment.undo(ids.get(), undone.get(), clock.instant(), staffId(staffName)));
        LOG.info("Enrolment {} undone", enrolmentId);
        return new RegisterOutcome.Undone();
    }

    private RegisterOutcome enrol(PatronCheck check, Token chip, LibraryBarcode barcode, Token oldBarcode, UUID staffId) {
        if (!(check instanceof ValidPatron valid)) {
            return outcomeOf(check, "card");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        AgeBand.Reading age = valid.birthDate().flatMap(born -> AgeBand.of(born.date(), clock.instant())).orElse(null);
        LocalDate validUntil = valid.validUntil().orElse(today.plus(defaultValidity));
        Token barcodeToken = pseudonymiser.tokenFor(barcode);
        Enrolment record = oldBarcode == null
                ? Enrolment.enrol(ids.get(), chip, barcodeToken, age, validUntil, clock.instant(), staffId)
                : Enrolment.replace(ids.get(), chip, barcodeToken, oldBarcode, age, validUntil, clock.instant(), staffId);
        store.append(record);
        LOG.info("Card {} {} (chip {}, band {})", barcodeToken, oldBarcode == null ? "enrolled" : "enrolled as a replacement",
                chip == null ? "not tapped" : chip, age == null ? "none" : age.band().code());
        return new RegisterOutcome.Registered(Optional.ofNullable(age).map(AgeBand.Reading::band), oldBarcode != null);
    }

    private static RegisterOutcome outcomeOf(PatronCheck check, String what) {
        LOG.info("The LMS answered {} for a {}: nothing stored", check.getClass().getSimpleName(), what);
        if (check instanceof UnknownPatron) {
            return new RegisterOutcome.NotALibraryCard();
        } else if (check instanceof BlockedPatron) {
            return new RegisterOutcome.SeeLibraryStaff(RegisterOutcome.SeeLibraryStaff.Why.BLOCKED);
        } else if (check instanceof ExpiredCard) {
            return new RegisterOutcome.SeeLibraryStaff(RegisterOutcome.SeeLibraryStaff.Why.EXPIRED);
        } else if (check instanceof LostCard) {
            return new RegisterOutcome.CardLost();
        } else if (check instanceof WrongPin) {
            return new RegisterOutcome.WrongPin();
        } else if (check instanceof LmsUnavailable unavailable) {
            return unreachable(unavailable);
        }
        throw new IllegalStateException("a valid patron is enrolled, not mapped");
    }

    private static RegisterOutcome unreachable(LmsUnavailable unavailable) {
        LOG.warn("The library system could not answer ({}: {}): nothing stored", unavailable.reason(), unavailable.detail());
        return new RegisterOutcome.LmsUnreachable();
    }

    private UUID staffId(String staffName) {
        return staffName == null ? null : store.staffIdByName(staffName).orElse(null);
    }
}
