package org.culturecard.core.status;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sync agent's verdict on the kiosk database's disk budget, kept in the kiosk database's settings
 * row {@code disk.budget} (kiosk-db's {@code SettingKey.DISK_BUDGET}): the agent writes it
 * ({@link #format()}), the kiosk's staff status screen reads it ({@link #parse}). The budget is the
 * agent's configuration, and the shared SQLite file is the one thing both processes see.
 *
 * <p>The row is one line of {@code name=value} pairs, e.g. {@code alert=HALF percent=62
 * used=1331439862 budget=2147483648 at=2026-11-25T15:10:09Z}. Unknown names are ignored, so pairs
 * can be added later.
 *
 * @param alert       the level the agent computed: 50 percent is {@link Alert#HALF}, 80 {@link Alert#HIGH}
 * @param percent     whole percent of the budget used (may exceed 100)
 * @param usedBytes   database, WAL and shared memory, in bytes
 * @param budgetBytes the agent's {@code disk.budget}, in bytes
 * @param measuredAt  when the agent measured it (by the agent's clock)
 */
public record DiskBudget(Alert alert, int percent, long usedBytes, long budgetBytes, Instant measuredAt) {
    /** The agent rewrites the row at least this often while it runs, even when nothing changed. */
    public static final Duration REFRESH = Duration.ofMinutes(5);
    /** A verdict older than this is stale: three missed refreshes mean the agent has probably stopped. */
    public static final Duration STALE_AFTER = REFRESH.multipliedBy(3);

    /** The agent's alert levels, by the same names. */
    public enum Alert {
        /** Under half the budget. */
        NONE,
        /** At least 50 percent: a warning. */
        HALF,
        /** At least 80 percent: an alert. */
        HIGH,
        /** At or over the budget: an alert; check-ins are still recorded. */
        OVER
    }

    public DiskBudget {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(measuredAt, "measuredAt");
        if (percent < 0 || usedBytes < 0 || budgetBytes <= 0) {
            throw new IllegalArgumentException("a disk budget needs a positive budget and no negative use");
        }
    }

    /** The verdict for {@code usedBytes} of a {@code budgetBytes} budget measured at {@code at}: 50, 80 and 100 percent. */
    public static DiskBudget measured(long usedBytes, long budgetBytes, Instant at) {
        int percent = percentOf(usedBytes, budgetBytes);
        return new DiskBudget(alertAt(percent), percent, usedBytes, budgetBytes, at);
    }

    /** Whole percent of {@code budgetBytes} that {@code usedBytes} is (may exceed 100). */
    public static int percentOf(long usedBytes, long budgetBytes) {
        return (int) Math.min(Integer.MAX_VALUE, usedBytes * 100 / budgetBytes);
    }

    /** The alert for a use of {@code percent}: a warning from 50, an alert from 80, over from 100. */
    public static Alert alertAt(int percent) {
        if (percent >= 100) {
            return Alert.OVER;
        }
        if (percent >= 80) {
            return Alert.HIGH;
        }
        return percent >= 50 ? Alert.HALF : Alert.NONE;
    }

    /** The row's value, as {@link #parse} reads it. */
    public String format() {
        return "alert=" + alert + " percent=" + percent + " used=" + usedBytes + " budget=" + budgetBytes + " at=" + measuredAt;
    }

    /** Reads the row's value; empty when it is not in the agent's form (a newer agent's alert, say). */
    public static Optional<DiskBudget> parse(String row) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : row.strip().split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        try {
            return Optional.of(new DiskBudget(Alert.valueOf(required(pairs, "alert")),
                    Integer.parseInt(required(pairs, "percent")), Long.parseLong(required(pairs, "used")),
                    Long.parseLong(required(pairs, "budget")), Instant.parse(required(pairs, "at"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True when the agent has not refreshed the verdict for longer than {@link #STALE_AFTER}. */
    public boolean staleAt(Instant now) {
        return measuredAt.plus(STALE_AFTER).isBefore(now);
    }

    private static String required(Map<String, String> pairs, String name) {
        String value = pairs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }
}
