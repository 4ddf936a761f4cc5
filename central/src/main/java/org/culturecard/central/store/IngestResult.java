package org.culturecard.central.store;

import java.util.List;

/**
 * What a committed batch did: {@code inserted} new check-ins stored, {@code held} new check-ins
 * waiting for their event, {@code duplicates} already stored or held, and the records refused and
 * kept whole in the dead letters. The kiosk's ack counts inserted plus held as inserted.
 */
public record IngestResult(int inserted, int duplicates, int held, List<RecordRefusal> refused) {
    public IngestResult {
        if (inserted < 0 || duplicates < 0 || held < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        refused = List.copyOf(refused);
    }
}
