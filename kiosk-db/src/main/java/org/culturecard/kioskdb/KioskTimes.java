package org.culturecard.kioskdb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The kiosk database's time columns: fixed-width ISO-8601 UTC text, so that text order is time
 * order in SQL. One definition, in kiosk-db, for the kiosk, the sync agent and provisioning. Two widths are on
 * disk and stay so, because files in the field hold them and SQL compares each column within
 * itself: milliseconds everywhere ({@link #format}), and nanoseconds in the outbox's
 * {@code sent_at} and {@code delivered_at}, which the sync agent writes ({@link #formatNanos}).
 * {@link #parse} reads both.
 */
public final class KioskTimes {
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NANOS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private KioskTimes() {}

    /** The instant to the millisecond (truncated), as every time column but the outbox's delivery times holds it. */
    public static String format(Instant instant) {
        return MILLIS.format(instant);
    }

    /** The instant to the nanosecond, as the outbox's {@code sent_at} and {@code delivered_at} hold it. */
    public static String formatNanos(Instant instant) {
        return NANOS.format(instant);
    }

    /**
     * A time column's text back as an instant, in either width.
     *
     * @throws java.time.format.DateTimeParseException if the text is not an ISO-8601 UTC instant
     */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
