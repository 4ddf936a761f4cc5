package org.culturecard.kiosk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.kioskdb.StaffRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks PINs typed on the staff pad, alone or after a staff card, against the staff's PIN hashes
 * under the venue's staff-auth setting ({@link StaffAuthRules}), and locks the pad for five minutes
 * after five wrong PINs in a row, whichever way they were typed. The count of wrong tries and the
 * end of a lockout are kept in the store's settings table, so that restarting the kiosk (pulling
 * the plug) does not reset them. Slow by design (a PIN alone costs a PBKDF2 run per candidate, a
 * PIN after a card one): call it off the UI thread. Never logs a PIN.
 */
final class StaffAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(StaffAuthenticator.class);
    public static final int MAX_TRIES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    private final SqliteKioskStore store;
    private final Clock clock;

    StaffAuthenticator(SqliteKioskStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks a PIN typed alone; while locked out no PIN is even looked at. */
    public synchronized PinOutcome check(String pin) {
        return attempt(() -> {
            StaffAuth auth = store.staffAuth();
            return matching(pin, store.staffPins().stream()
                    .filter(member -> StaffAuthRules.pinAloneAllowed(auth, member)).toList());
        });
    }

    /** Checks the PIN typed after {@code staffId}'s card was tapped; counts against the same lockout. */
    public synchronized PinOutcome checkAfterCard(UUID staffId, String pin) {
        return attempt(() -> {
            StaffAuth auth = store.staffAuth();
            return matching(pin, store.staffById(staffId)
                    .filter(member -> StaffAuthRules.pinAfterCardAllowed(auth, member)).stream().toList());
        });
    }

    private PinOutcome attempt(Supplier<Optional<String>> match) {
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = lockedUntil().filter(now::isBefore);
        if (lockedUntil.isPresent()) {
            return new PinOutcome.LockedOut(lockedUntil.get());
        }
        Optional<String> staff = match.get();
        if (staff.isPresent()) {
            store.putSetting(SettingKey.PIN_FAILURES, 0);
            LOG.info("Staff PIN accepted");
            return new PinOutcome.Accepted(staff.get());
        }
        int failures = failures() + 1;
        if (failures >= MAX_TRIES) {
            Instant until = now.plus(LOCKOUT);
            store.putSetting(SettingKey.PIN_FAILURES, 0);
            store.putSetting(SettingKey.PIN_LOCKED_UNTIL, until);
            LOG.warn("{} wrong staff PINs in a row: the staff pad is locked until {}", failures, until);
            return new PinOutcome.LockedOut(until);
        }
        store.putSetting(SettingKey.PIN_FAILURES, failures);
        LOG.info("Wrong staff PIN ({} of {})", failures, MAX_TRIES);
        return new PinOutcome.Rejected(MAX_TRIES - failures);
    }

    /** When the pad unlocks, if it is locked now. */
    public synchronized Optional<Instant> lockedUntilNow() {
        Instant now = clock.instant();
        return lockedUntil().filter(now::isBefore);
    }

    private static Optional<String> matching(String pin, List<StaffRow> candidates) {
        if (!PinHasher.isWellFormed(pin)) {
            return Optional.empty();
        }
        return candidates.stream().filter(member -> PinHasher.verify(pin, member.pinHash()))
                .map(StaffRow::displayName).findFirst();
    }

    private int failures() {
        return store.setting(SettingKey.PIN_FAILURES).orElse(0);
    }

    private Optional<Instant> lockedUntil() {
        return store.setting(SettingKey.PIN_LOCKED_UNTIL);
    }
}
