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
     * Stores every record of the batch in one transaction, skipping ids already stored, and
     * registers the kiosk under the batch's venue if it is new. Returns once committed.
     *
     * @throws StoreUnavailableException when the database cannot be reached (retry later)
     * @throws StoreRejectedException when the database refuses the data itself (dead-letter it)
     */
    InsertResult insertBatch(CheckInBatch batch);

    /**
     * Stores several batches in one transaction (one commit, one fsync, for all of them) and
     * returns each batch's result in order. Same failures as {@link #insertBatch}; on
     * {@link StoreRejectedException} nothing of the group is stored.
     */
    default List<InsertResult> insertBatches(List<CheckInBatch> batches) {
        return batches.stream().map(this::insertBatch).toList();
    }

    /** Records a message that failed validation; the payload is kept up to 64 KB. */
    void deadLetter(String topic, String reason, byte[] payload);

    /** The venue a kiosk is registered under, if it is registered. */
    Optional<VenueId> registeredVenue(KioskId kiosk);
}
