package org.culturecard.sip2.internal;

import java.util.Objects;

/** One variable-length field: a two-character id ({@code AA}) and its value, without the delimiter. */
public record Field(String id, String value) {
    public Field {
        Objects.requireNonNull(value, "value");
        if (id == null || id.length() != 2 || !isIdChar(id.charAt(0)) || !isIdChar(id.charAt(1))) {
            throw new IllegalArgumentException("a field id is two letters or digits, not " + id);
        }
    }

    static boolean isIdChar(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return id + "(" + value.length() + " chars)";
    }
}
