package org.culturecard.sip2.internal;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A decoded message with what its trailer said: the sequence number (AY) where one was sent, and
 * whether a checksum (AZ) was present (it was verified if error detection is on).
 */
public record Received(Frame frame, OptionalInt sequence, boolean checksummed) {
    public Received {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(sequence, "sequence");
    }
}
