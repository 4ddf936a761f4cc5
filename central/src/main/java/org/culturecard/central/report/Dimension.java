package org.culturecard.central.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a report's rows are: a place or a kind of activity, or (with a council's linkage file)
 * an attribute of the young people. Codes are what the CLI and the API accept.
 */
public enum Dimension {
    VENUE("venue", false),
    EVENT("event", false),
    SECTOR("sector", false),
    ACTIVITY("activity", false),
    MODE("mode", false),
    AGE_BAND("age-band", true),
    IMD_DECILE("imd-decile", true),
    PUPIL_PREMIUM("pupil-premium", true);

    private final String code;
    private final boolean linked;

    Dimension(String code, boolean linked) {
        this.code = code;
        this.linked = linked;
    }

    public String code() {
        return code;
    }

    /** True when the rows come from the council's linkage file, not from central's own data. */
    public boolean linked() {
        return linked;
    }

    public static Dimension fromCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report dimension '" + code + "'; one of "
                        + Arrays.stream(values()).map(Dimension::code).toList()));
    }
}
