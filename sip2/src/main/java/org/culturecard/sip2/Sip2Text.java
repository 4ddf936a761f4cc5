package org.culturecard.sip2;

/**
 * Checks shared by the values that travel in SIP2 fields. A value must be non-empty, short, and
 * free of control characters, so a scanner that sends garbage (or a CR to end the message early and
 * start another) is refused before anything reaches the library system. The messages name the
 * value's kind and length, never its content.
 */
final class Sip2Text {
    private Sip2Text() {
    }

    static void requireSafe(String what, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters long; at most " + maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " contains a control character at position " + (i + 1));
            }
        }
    }

    /** A screen message, or anything else the LMS may fill with personal data, as a log-safe note. */
    static String masked(String text) {
        return text == null ? "none" : "(" + text.length() + " chars, masked)";
    }
}
