package org.culturecard.central.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.central.store.CheckInStore;
import org.culturecard.central.store.DeadLetterTable;
import org.culturecard.central.store.IngestResult;

/**
 * Sends check-ins kept whole in the dead letters through ingest again, once an admin has fixed
 * the cause (the event moved to the right venue, the kiosk registered). The kiosk deleted them
 * when central acknowledged their batch, so this is their only way in. Each goes through the same
 * validation and store as a live batch, so a replay is refused again for the same reasons and is
 * idempotent (a record already stored counts as a duplicate). A row is marked replayed only when
 * its check-in is stored or held for its event; the outcome is written on the row either way.
 */
final class DeadLetterReplay {

    /** What one replay did. */
    public record Outcome(long deadLetterId, boolean done, String result) {
    }

    private final DeadLetterTable table;
    private final BatchValidator validator;
    private final CheckInStore store;
    private final Clock clock;

    DeadLetterReplay(DeadLetterTable table, BatchValidator validator, CheckInStore store, Clock clock) {
        this.table = table;
        this.validator = validator;
        this.store = store;
        this.clock = clock;
    }

    /** Replays the given dead letters (every replayable one when {@code ids} is empty). */
    public List<Outcome> replay(List<Long> ids) {
        List<Outcome> outcomes = new ArrayList<>();
        for (DeadLetterTable.Replayable row : table.replayable(ids)) {
            Outcome outcome = replayOne(row);
            table.recordReplay(row.id(), outcome.done(), outcome.result(), clock.instant());
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome replayOne(DeadLetterTable.Replayable row) {
        Verdict verdict = validator.validate(row.topic(), row.payload());
        if (verdict instanceof Verdict.Refused refused) {
            return new Outcome(row.id(), false, "refused again (" + refused.reasonClass().label() + "): " + refused.reason());
        }
        IngestResult result = store.ingest(List.of(((Verdict.Accepted) verdict).admission())).get(0);
        if (!result.refused().isEmpty()) {
            return new Outcome(row.id(), false, "refused again (" + result.refused().get(0).reasonClass().label() + "): "
                    + result.refused().get(0).reason());
        }
        String what = result.inserted() > 0 ? "stored" : result.held() > 0 ? "held for its event" : "already stored";
        return new Outcome(row.id(), true, what);
    }
}
