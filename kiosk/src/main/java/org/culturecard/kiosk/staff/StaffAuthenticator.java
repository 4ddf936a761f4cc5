package org.culturecard.kiosk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.store.StaffPin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks PINs typed on the staff pad against the enrolled staff's PIN hashes, and locks the pad
 * for five minutes after five wrong PINs in a row. The count of wrong tries and the end of a
 * lockout are kept in the store's settings table, so that restarting the kiosk (pulling the plug)
 * does not reset them. Slow by design (each PIN costs a PBKDF2 run per staff member): call it off
 * the UI thread.
 */
public final class StaffAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(StaffAuthenticator.class);
    public static final int MAX_TRIES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);
    static final String FAILURES = "staff.pin.failures";
    static final String LOCKED_UNTIL = "staff.pin.lockedUntil";

    private final SqliteKioskStore store;
    private final Clock clock;

    public StaffAuthenticator(SqliteKioskStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks {@code pin}; while locked out no PIN is even looked at. */
    public synchronized PinOutcome check(String pin) {
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = lockedUntil().filter(now::isBefore);
        if (lockedUntil.isPresent()) {
            return new PinOutcome.LockedOut(lockedUntil.get());
        }
        Optional<String> staff = matchingStaff(pin);
        if (staff.isPresent()) {
            store.putSetting(FAILURES, "0");
            LOG.info("Staff PIN accepted");
            return new PinOutcome.Accepted(staff.get());
        }
        int failures = failures() + 1;
        if (failures >= MAX_TRIES) {
            Instant until = now.plus(LOCKOUT);
            store.putSetting(FAILURES, "0");
            store.putSetting(LOCKED_UNTIL, until.toString());
            LOG.warn("{} wrong staff PINs in a row: the staff pad is locked until {}", failures, until);
            return new PinOutcome.LockedOut(until);
        }
        store.putSetting(FAILURES, Integer.toString(failures));
        LOG.info("Wrong staff PIN ({} of {})", failures, MAX_TRIES);
        return new PinOutcome.Rejected(MAX_TRIES - failures);
    }

    /** When the pad unlocks, if it is locked now. */
    public synchronized Optional<Instant> lockedUntilNow() {
        Instant now = clock.instant();
        return lockedUntil().filter(now::isBefore);
    }

    private Optional<String> matchingStaff(String pin) {
        if (!PinHasher.isWellFormed(pin)) {
            return Optional.empty();
        }
        for (StaffPin staff : store.staffPins()) {
            if (PinHasher.verify(pin, staff.pinHash())) {
                return Optional.of(staff.displayName());
            }
        }
        return Optional.empty();
    }

    private int failures() {
        return store.setting(FAILURES).map(Integer::parseInt).orElse(0);
    }

    private Optional<Instant> lockedUntil() {
        return store.setting(LOCKED_UNTIL).map(Instant::parse);
    }
}
