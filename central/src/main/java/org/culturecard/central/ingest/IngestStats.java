package org.culturecard.central.ingest;

/**
 * Running totals of one ingest worker, for metrics and tests. {@code deadLetters} counts messages
 * refused as a whole (kept or over the junk quota); {@code recordsHeld} check-ins held for their
 * event; {@code recordsRefused} check-ins refused inside a stored batch and kept whole.
 */
public record IngestStats(long batchesStored, long recordsInserted, long recordsDuplicated, long deadLetters,
        long storeRetries, long connects, long recordsHeld, long recordsRefused) {
}
