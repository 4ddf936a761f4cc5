package org.culturecard.kiosk.checkin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Whether the system clock is synchronised, as recorded with each check-in so that central can
 * weigh a tap time from a kiosk whose clock drifted. systemd-timesyncd touches a flag file once
 * it has synchronised.
 */
public final class ClockSync {
    private static final Path TIMESYNCD_FLAG = Path.of("/run/systemd/timesync/synchronized");

    private ClockSync() {}

    /** systemd-timesyncd's view (false on machines without it). */
    public static BooleanSupplier systemd() {
        return () -> Files.exists(TIMESYNCD_FLAG);
    }

    /** For tests and demos: the clock is taken as synchronised. */
    public static BooleanSupplier assumeSynced() {
        return () -> true;
    }
}
