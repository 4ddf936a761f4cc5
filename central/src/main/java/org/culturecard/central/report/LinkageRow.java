package org.culturecard.central.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a council's linkage file: a token and the young person's attributes. It exists only
 * in memory and in a transaction-scoped temporary table; no output ever holds it. {@code toString}
 * leaves the token out so that a log line cannot put it next to the attributes.
 */
record LinkageRow(String token, String ageBand, Integer imdDecile, Boolean pupilPremium) {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern AGE_BAND = Pattern.compile("[0-9a-z+-]{1,16}");

    LinkageRow {
        Objects.requireNonNull(token, "token");
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("a token is 64 lower-case hex characters");
        }
        if (ageBand != null && !AGE_BAND.matcher(ageBand).matches()) {
            throw new IllegalArgumentException("an age band is 1 to 16 of [0-9a-z+-]");
        }
        if (imdDecile != null && (imdDecile < 1 || imdDecile > 10)) {
            throw new IllegalArgumentException("an IMD decile is 1 to 10");
        }
    }

    @Override
    public String toString() {
        return "LinkageRow[token=<withheld>]";
    }
}
