package org.culturecard.core.ids;

import java.util.regex.Pattern;

/** The one rule for every id that appears in a topic: lower-case letters, digits and hyphens. */
final class Ids {
    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private Ids() {}

    static String require(String kind, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1 to 64 characters of [a-z0-9-], "
                    + "not starting or ending with '-': " + (value == null ? "null" : '"' + value + '"'));
        }
        return value;
    }

    static boolean isValid(String value) {
        return value != null && ID.matcher(value).matches();
    }
}
