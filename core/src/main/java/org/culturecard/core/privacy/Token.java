package org.culturecard.core.privacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A young person's pseudonym: HMAC-SHA256 of their card's UID under the scheme key, as 64
 * lower-case hex digits. Only the council, who holds the key and the library's records, can link
 * it back to a person.
 */
public record Token(@JsonValue String value) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Token {
        if (value == null || !HEX64.matcher(value).matches()) {
            throw new IllegalArgumentException("a token is 64 lower-case hex digits");
        }
    }

    @JsonCreator
    public static Token of(String value) {
        return new Token(value);
    }

    public static boolean isValid(String value) {
        return value != null && HEX64.matcher(value).matches();
    }

    /** The first 8 digits and an ellipsis, for screens and logs where a person must tell taps apart. */
    public String masked() {
        return value.substring(0, 8) + "…";
    }

    @Override
    public String toString() {
        return masked();
    }
}
