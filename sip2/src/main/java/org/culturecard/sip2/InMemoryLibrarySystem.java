package org.culturecard.sip2;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A library system in memory, for unit tests of the code that asks one (enrolment, sign-in) and for
 * the demo. It reads its patrons as the real client reads a reply ({@link PatronVerdict}), so it
 * answers as the SIP2 client would; the contract test {@code LibrarySystemContract} holds both to
 * that. It can be made unavailable to test the "try again later" paths, and counts the questions it
 * was asked so a test can prove that nothing reached the LMS.
 */
public final class InMemoryLibrarySystem implements LibrarySystem {
    private final Clock clock;
    private final Map<String, Patron> patrons = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile LmsUnavailable down;

    public InMemoryLibrarySystem(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A card the fake knows.
     *
     * @param pin        null: the card has no PIN, and any PIN passes (as Evergreen's sample ILS does)
     * @param flags      as the LMS sets them; LMSs also deny charge privileges to an expired card, so set
     *                   {@link PatronFlag#CHARGE_PRIVILEGES_DENIED} for one to answer patron status as they do
     * @param validUntil null: the LMS reports no expiry
     * @param birthDate  null: the LMS reports no birth date
     */
    public record Patron(String barcode, String pin, Set<PatronFlag> flags, LocalDate validUntil, LocalDate birthDate,
            String screenMessage) {
        public Patron {
            Objects.requireNonNull(barcode, "barcode");
            flags = PatronFlag.copyOf(flags);
        }

        public static Patron valid(String barcode) {
            return new Patron(barcode, null, Set.of(), null, null, null);
        }

        public Patron withPin(String newPin) {
            return new Patron(barcode, newPin, flags, validUntil, birthDate, screenMessage);
        }

        public Patron withFlags(PatronFlag... newFlags) {
            return new Patron(barcode, pin, Set.of(newFlags), validUntil, birthDate, screenMessage);
        }

        public Patron validUntil(LocalDate date) {
            return new Patron(barcode, pin, flags, date, birthDate, screenMessage);
        }

        public Patron bornOn(LocalDate date) {
            return new Patron(barcode, pin, flags, validUntil, date, screenMessage);
        }

        public Patron withScreenMessage(String message) {
            return new Patron(barcode, pin, flags, validUntil, birthDate, message);
        }

        @Override
        public String toString() {
            return "Patron[barcode masked, flags=" + flags + "]";
        }
    }

    /** Adds (or replaces) a card. */
    public InMemoryLibrarySystem with(Patron patron) {
        patrons.put(patron.barcode(), patron);
        return this;
    }

    /** From now on every question is answered {@link LmsUnavailable} with {@code reason}. */
    public void makeUnavailable(LmsUnavailable.Reason reason) {
        down = new LmsUnavailable(reason, "the in-memory library system was made unavailable (" + reason + ")");
    }

    public void makeAvailable() {
        down = null;
    }

    /** How many questions were asked (patron status, patron information and SC status). */
    public int calls() {
        return calls.get();
    }

    /** Like most LMSs, patron status tells no expiry or birth date (see {@link LibrarySystem#patronStatus}). */
    @Override
    public PatronCheck patronStatus(PatronBarcode barcode) {
        return answer(barcode, null, false);
    }

    @Override
    public PatronCheck patronInformation(PatronBarcode barcode) {
        return answer(barcode, null, true);
    }

    @Override
    public PatronCheck patronInformation(PatronBarcode barcode, PatronPin pin) {
        return answer(barcode, Objects.requireNonNull(pin, "pin"), true);
    }

    @Override
    public LmsStatus scStatus() {
        calls.incrementAndGet();
        LmsUnavailable unavailable = down;
        return unavailable != null ? unavailable : new LmsOnline("2.00", true, true);
    }

    @Override
    public void close() {
        down = new LmsUnavailable(LmsUnavailable.Reason.UNREACHABLE, "the library system client is closed");
    }

    private PatronCheck answer(PatronBarcode barcode, PatronPin pin, boolean withDates) {
        calls.incrementAndGet();
        LmsUnavailable unavailable = down;
        if (unavailable != null) {
            return unavailable;
        }
        Patron patron = patrons.get(barcode.value());
        if (patron == null) {
            return UnknownPatron.withoutMessage();
        }
        Optional<Boolean> validPin = pin == null ? Optional.empty()
                : Optional.of(patron.pin() == null || patron.pin().equals(pin.value()));
        PatronFacts facts = new PatronFacts(patron.flags(), Optional.of(true), validPin,
                Optional.ofNullable(withDates ? patron.validUntil() : null),
                Optional.ofNullable(withDates ? patron.birthDate() : null).map(BirthDate::new),
                Optional.ofNullable(patron.screenMessage()));
        return PatronVerdict.decide(facts, pin != null, LocalDate.now(clock));
    }
}
