package org.culturecard.central.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.CheckInStore;
import org.culturecard.central.store.DeadLetter;
import org.culturecard.central.store.IngestResult;
import org.culturecard.central.store.InsertResult;
import org.culturecard.central.store.StoreRejectedException;
import org.culturecard.central.store.StoreUnavailableException;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;

/**
 * The ingest side of the store in memory: every admitted record is new; it can be unreachable for
 * a number of calls, refuse batches by id, and keeps the groups it committed and the dead letters.
 */
final class FakeStore implements CheckInStore {
    final List<List<UUID>> committed = new CopyOnWriteArrayList<>();
    final List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    final AtomicInteger unavailableFor = new AtomicInteger();
    volatile Set<UUID> refusedBatches = Set.of();
    volatile boolean deadLettersFail;

    @Override
    public List<IngestResult> ingest(List<Admission> admissions) {
        if (unavailableFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("connection refused", null);
        }
        List<UUID> ids = admissions.stream().map(a -> a.batch().batchId()).toList();
        if (ids.stream().anyMatch(refusedBatches::contains)) {
            throw new StoreRejectedException("value too long", null);
        }
        committed.add(ids);
        List<IngestResult> results = new ArrayList<>();
        for (Admission admission : admissions) {
            results.add(new IngestResult(admission.admitted().size(), 0, 0, admission.refused()));
        }
        return results;
    }

    @Override
    public InsertResult insertBatch(CheckInBatch batch) {
        throw new UnsupportedOperationException("not used by ingest");
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        if (deadLettersFail) {
            throw new StoreUnavailableException("connection refused", null);
        }
        letters.add(letter);
    }

    @Override
    public Optional<VenueId> registeredVenue(KioskId kiosk) {
        return Optional.of(VenueId.of("museum-x"));
    }
}
