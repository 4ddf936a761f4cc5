package org.culturecard.sip2;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Set;

/** The checks behind {@link Sip2Config}'s validation, each naming the key it refuses. */
final class Sip2ConfigChecks {
    /** A SIP2 variable-length field holds at most 255 characters. */
    static final int MAX_FIELD = 255;
    /** Field ids the protocol already uses for something else in the replies we read. */
    private static final Set<String> RESERVED_IDS = Set.of("AY", "AZ", "AA", "AE", "AF", "AO", "BL", "CQ");

    private Sip2ConfigChecks() {
    }

    static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSip2ConfigException(key, "is required");
        }
        if (value.length() > MAX_FIELD) {
            throw new InvalidSip2ConfigException(key, "is longer than " + MAX_FIELD + " characters");
        }
    }

    static void wireValue(String key, String value, char delimiter) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_FIELD) {
            throw new InvalidSip2ConfigException(key, "is longer than the " + MAX_FIELD + " characters a SIP2 field may hold");
        }
        if (value.indexOf(delimiter) >= 0 || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSip2ConfigException(key, "must not contain the field delimiter '" + delimiter + "' or control characters");
        }
    }

    static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSip2ConfigException(key, "must be between " + min + " and " + max + ", not " + value);
        }
    }

    static void millis(String key, Duration value) {
        if (value == null || value.toMillis() < 1 || value.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new InvalidSip2ConfigException(key, "must be between 1 and 300000 ms (5 minutes), not "
                    + (value == null ? null : value.toMillis() + " ms"));
        }
    }

    static void fieldId(String key, String id) {
        if (id == null || !id.matches("[A-Z0-9]{2}")) {
            throw new InvalidSip2ConfigException(key, "must be a two-character SIP2 field id (upper-case letters or digits), not " + id);
        }
        if (RESERVED_IDS.contains(id)) {
            throw new InvalidSip2ConfigException(key, "must not be " + id + ", which SIP2 uses for something else");
        }
    }

    static Charset charsetNamed(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidSip2ConfigException(Sip2Config.CHARSET, "is not a character set this JVM knows: " + name, e);
        }
    }
}
