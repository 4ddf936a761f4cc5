package org.culturecard.central.ingest;

/** Running totals of one ingest worker, for metrics and tests. */
public record IngestStats(long batchesStored, long recordsInserted, long recordsDuplicated, long deadLetters,
        long storeRetries, long connects) {
}
