package org.culturecard.central.store;

import java.util.List;
import java.util.Optional;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;

/**
 * The ingest side of the central store: what an ingest worker needs and nothing more, so the
 * worker can be tested against a fake and the PostgreSQL adapter against the real database.
 */
public interface CheckInStore {

    /**
     * Stores validated batches in one transaction (one commit, one fsync, for all of them) and
     * returns each batch's result in order: check-ins are bound to their events (another venue's
     * event: refused; an event not known yet: held until it arrives), and every refused record is
     * kept whole in the dead letters before the commit. Never registers a kiosk.
     *
     * @throws StoreUnavailableException when the database cannot be reached (retry later)
     * @throws StoreRejectedException when the database refuses the data itself; nothing of the group is stored
     */
    List<IngestResult> ingest(List<Admission> admissions);

    /**
     * Stores every record of the batch as it is, in one transaction, skipping ids already stored:
     * no registry or event checks (bulk loads and tests). Same failures as {@link #ingest}.
     */
    InsertResult insertBatch(CheckInBatch batch);

    /** Several batches as in {@link #insertBatch}, in one transaction. */
    default List<InsertResult> insertBatches(List<CheckInBatch> batches) {
        return batches.stream().map(this::insertBatch).toList();
    }

    /** Records a message or record that failed validation. */
    void deadLetter(DeadLetter letter);

    /** The venue a kiosk is registered under, if it is registered. */
    Optional<VenueId> registeredVenue(KioskId kiosk);
}
