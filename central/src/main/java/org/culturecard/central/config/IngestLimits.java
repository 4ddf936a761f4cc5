package org.culturecard.central.config;

import java.time.Duration;
import java.util.Set;
import org.culturecard.core.config.ConfigReader;

/**
 * Central's limits on what kiosks' messages may cost it (issue 11), kept together: how much of a
 * junk message is kept and how many per kiosk per hour, how long a check-in waits for its event
 * before it is flagged, and the retention job's schedule and periods.
 *
 * <p>Keys: {@code central.dead-letters.junk-bytes} (default 4096, 256 to 65536),
 * {@code central.dead-letters.junk-per-kiosk-hour} (default 100, 0 to 1000000),
 * {@code central.dead-letters.retention-days} (default 30, 1 to 3650),
 * {@code central.checkins.retention-days} (default 0 = kept for ever, up to 36500),
 * {@code central.held.grace-minutes} (default 60, 1 to 10080),
 * {@code central.retention.interval-minutes} (default 15, 0 = off, up to 1440; the same job
 * attaches and flags held check-ins).
 */
public record IngestLimits(int junkBytes, int junkPerKioskHour, int deadLetterRetentionDays, int checkInRetentionDays,
        int heldGraceMinutes, int retentionIntervalMinutes) {

    public static final String JUNK_BYTES = "central.dead-letters.junk-bytes";
    public static final String JUNK_PER_KIOSK_HOUR = "central.dead-letters.junk-per-kiosk-hour";
    public static final String DEAD_LETTER_RETENTION_DAYS = "central.dead-letters.retention-days";
    public static final String CHECKIN_RETENTION_DAYS = "central.checkins.retention-days";
    public static final String HELD_GRACE_MINUTES = "central.held.grace-minutes";
    public static final String RETENTION_INTERVAL_MINUTES = "central.retention.interval-minutes";
    /** Every key above. */
    public static final Set<String> KEYS = Set.of(JUNK_BYTES, JUNK_PER_KIOSK_HOUR, DEAD_LETTER_RETENTION_DAYS,
            CHECKIN_RETENTION_DAYS, HELD_GRACE_MINUTES, RETENTION_INTERVAL_MINUTES);
    /** The defaults. */
    public static final IngestLimits DEFAULTS = new IngestLimits(4096, 100, 30, 0, 60, 15);

    public IngestLimits {
        require(JUNK_BYTES, junkBytes >= 256 && junkBytes <= 65_536, "must be 256 to 65536 bytes");
        require(JUNK_PER_KIOSK_HOUR, junkPerKioskHour >= 0 && junkPerKioskHour <= 1_000_000, "must be 0 to 1000000");
        require(DEAD_LETTER_RETENTION_DAYS, deadLetterRetentionDays >= 1 && deadLetterRetentionDays <= 3650,
                "must be 1 to 3650 days");
        require(CHECKIN_RETENTION_DAYS, checkInRetentionDays >= 0 && checkInRetentionDays <= 36_500,
                "must be 0 (kept for ever) to 36500 days");
        require(HELD_GRACE_MINUTES, heldGraceMinutes >= 1 && heldGraceMinutes <= 10_080, "must be 1 to 10080 minutes");
        require(RETENTION_INTERVAL_MINUTES, retentionIntervalMinutes >= 0 && retentionIntervalMinutes <= 1440,
                "must be 0 (off) to 1440 minutes");
    }

    /** Reads the keys present in {@code values}; the others keep their defaults. */
    static IngestLimits from(ConfigReader values) {
        return new IngestLimits(
                values.integer(JUNK_BYTES, DEFAULTS.junkBytes),
                values.integer(JUNK_PER_KIOSK_HOUR, DEFAULTS.junkPerKioskHour),
                values.integer(DEAD_LETTER_RETENTION_DAYS, DEFAULTS.deadLetterRetentionDays),
                values.integer(CHECKIN_RETENTION_DAYS, DEFAULTS.checkInRetentionDays),
                values.integer(HELD_GRACE_MINUTES, DEFAULTS.heldGraceMinutes),
                values.integer(RETENTION_INTERVAL_MINUTES, DEFAULTS.retentionIntervalMinutes));
    }

    /** How long a held check-in waits before it is flagged. */
    public Duration heldGrace() {
        return Duration.ofMinutes(heldGraceMinutes);
    }

    @Override
    public String toString() {
        return "junkBytes=" + junkBytes + ", junkPerKioskHour=" + junkPerKioskHour + ", deadLetterRetentionDays="
                + deadLetterRetentionDays + ", checkInRetentionDays=" + (checkInRetentionDays == 0 ? "off" : checkInRetentionDays)
                + ", heldGraceMinutes=" + heldGraceMinutes + ", retentionIntervalMinutes=" + retentionIntervalMinutes;
    }

    private static void require(String key, boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(key + " " + rule);
        }
    }
}
