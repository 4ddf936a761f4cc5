package org.culturecard.central.store;

/** What a committed batch did: {@code inserted} new rows, {@code duplicates} already stored. */
public record InsertResult(int inserted, int duplicates) {
    public InsertResult {
        if (inserted < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }
}
