package org.culturecard.central.store;

import java.time.Instant;

/** A dead letter without its payload: when, where from, why, and how big. */
public record DeadLetterRow(long id, Instant receivedAt, String topic, String reason, int payloadSize) {
}
