package org.culturecard.sip2.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SIP2 message without its transport trailer: the two-digit message code, the fixed-length
 * fields as one string, and the variable-length fields in order. Sequence number, checksum and the
 * CR terminator belong to {@link FrameCodec}.
 */
public record Frame(String code, String fixed, List<Field> fields) {
    public Frame {
        if (code == null || !code.matches("\\d\\d")) {
            throw new IllegalArgumentException("a message code is two digits, not " + code);
        }
        Objects.requireNonNull(fixed, "fixed");
        fields = List.copyOf(fields);
    }

    public static Frame of(String code, String fixed, Field... fields) {
        return new Frame(code, fixed, List.of(fields));
    }

    /** The first value of field {@code id}, if present. */
    public Optional<String> first(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).map(Field::value).findFirst();
    }

    /** Every value of field {@code id}, in order (screen messages may repeat). */
    public List<String> all(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).map(Field::value).toList();
    }

    /** The code and field ids only: what a log line may say about a message. */
    public String shape() {
        return code + fields.stream().map(Field::id).toList();
    }

    @Override
    public String toString() {
        return "Frame[" + shape() + ", masked]";
    }
}
