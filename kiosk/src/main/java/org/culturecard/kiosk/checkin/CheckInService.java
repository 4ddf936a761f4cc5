package org.culturecard.kiosk.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.staff.StaffAuthRules.CardVerdict;
import org.culturecard.kiosk.staff.StaffAuthRules;
import org.culturecard.kiosk.store.CheckInStore;
import org.culturecard.kiosk.store.VisitOutcome;
import org.culturecard.kiosk.store.VisitRequest;
import org.culturecard.kioskdb.StaffRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a card tap into a {@link CheckInResult}. The raw UID stops here: it is pseudonymised at
 * once and only the token goes further. Two store calls per tap: is it a staff card, then one
 * transaction that decides and records the visit ({@link CheckInStore#recordVisit}). A recorded
 * check-in is on disk (with its outbox row) when {@link #handle} returns, so the screen never thanks
 * anyone for a tap that could be lost.
 * Headless: no toolkit, callable from any thread (calls are serialised).
 */
public final class CheckInService {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInService.class);

    private final CheckInStore store;
    private final Pseudonymiser pseudonymiser;
    private final Station station;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final BooleanSupplier clockSynced;
    private final EnrolledCards enrolled;

    /**
     * @param clock       the tap time and, through its zone, the venue's local day
     * @param ids         check-in ids; production passes {@link org.culturecard.core.ids.UuidV7}
     * @param clockSynced whether the system clock is synchronised (NTP) at the time of a tap
     */
    public CheckInService(CheckInStore store, Pseudonymiser pseudonymiser, Station station, Clock clock,
                          Supplier<UUID> ids, BooleanSupplier clockSynced) {
        this(store, pseudonymiser, station, clock, ids, clockSynced, EnrolledCards.NONE);
    }

    /**
     * @param enrolled whether a card is registered (asked after the visit is recorded, for the screen)
     */
    public CheckInService(CheckInStore store, Pseudonymiser pseudonymiser, Station station, Clock clock,
                          Supplier<UUID> ids, BooleanSupplier clockSynced, EnrolledCards enrolled) {
        this.store = Objects.requireNonNull(store, "store");
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        this.station = Objects.requireNonNull(station, "station");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clockSynced = Objects.requireNonNull(clockSynced, "clockSynced");
        this.enrolled = Objects.requireNonNull(enrolled, "enrolled");
    }

    /** Decides what the tap means and records it when it is a check-in. */
    public synchronized CheckInResult handle(CardTap tap) {
        if (tap.isRandomId()) {
            LOG.info("Refused a random-ID card ({}) on '{}'", tap.kind(), tap.readerName());
            return new CheckInResult.NotALibraryCard();
        }
        return decide(pseudonymiser.tokenFor(tap.uid()), tap.kind());
    }

    /**
     * A library card read by its printed barcode (a keyboard-wedge scanner or the on-screen keyboard),
     * already normalised by {@link LibraryBarcode}: the same decision as a tap, under the barcode's own
     * token ({@link Pseudonymiser#tokenFor(LibraryBarcode)}, the formula of {@code tokenForBarcode}).
     */
    public synchronized CheckInResult handleBarcode(LibraryBarcode barcode) {
        return decide(pseudonymiser.tokenFor(barcode), CardKind.BARCODE);
    }

    private CheckInResult decide(Token token, CardKind kind) {
        Optional<StaffRow> staff = store.staffByCard(token);
        if (staff.isPresent()) {
            return staffCard(token, staff.get());
        }
        Instant now = clock.instant();
        VisitOutcome outcome = store.recordVisit(new VisitRequest(ids.get(), token, station.venueId(),
                station.kioskId(), now, LocalDate.ofInstant(now, clock.getZone()), clockSynced.getAsBoolean(), kind,
                station.appVersion()));
        CheckInResult result = resultOf(outcome, token);
        LOG.info("Tap by {}: {}", token, result.getClass().getSimpleName());
        return result;
    }

    /** A new check-in learns whether its card is registered, after it is on disk: the filter can never lose a tap. */
    private CheckInResult resultOf(VisitOutcome outcome, Token token) {
        if (outcome instanceof VisitOutcome.Recorded recorded) {
            Registration registration = registrationOf(token);
            return recorded.event().<CheckInResult>map(event -> new CheckInResult.Recorded(recorded.checkIn(), event,
                    recorded.visitDaysThisYear(), registration, recorded.awards()))
                    .orElseGet(() -> new CheckInResult.GeneralVisit(recorded.checkIn(), recorded.visitDaysThisYear(),
                            registration, recorded.awards()));
        }
        return new CheckInResult.AlreadyCheckedIn(outcome.event().orElse(null));
    }

    private Registration registrationOf(Token token) {
        try {
            return enrolled.registrationOf(token);
        } catch (RuntimeException e) {
            LOG.warn("Cannot tell whether a card is registered ({}); welcomed as ever", e.toString());
            return Registration.UNKNOWN;
        }
    }

    /** A staff card: never a check-in; what it opens follows the venue's staff-auth setting. */
    private CheckInResult staffCard(Token token, StaffRow member) {
        CardVerdict verdict = StaffAuthRules.onCard(store.staffAuth(), member);
        if (verdict == CardVerdict.REFUSED_REVOKED) {
            LOG.warn("Revoked staff card {} tapped: refused", token);
        } else {
            LOG.info("Staff card {} tapped: {}", token, verdict);
        }
        return switch (verdict) {
            case OPEN -> new CheckInResult.StaffCard(member.displayName());
            case ASK_PIN -> new CheckInResult.StaffPinNeeded(member.id(), member.displayName());
            case REFUSED_NO_PIN -> new CheckInResult.StaffCardRefused(CheckInResult.StaffCardRefused.Reason.NO_PIN);
            case REFUSED_REVOKED -> new CheckInResult.StaffCardRefused(CheckInResult.StaffCardRefused.Reason.REVOKED);
        };
    }
}
