package org.culturecard.sync.agent;

import java.time.Instant;
import java.util.UUID;

/**
 * Central acknowledged a batch: its check-ins are committed in the central store.
 *
 * @param checkIns   outbox rows marked delivered by this ack (0 for a repeated ack)
 * @param inserted   rows central inserted, as it reported
 * @param duplicates records central already had (a redelivery), as it reported
 */
public record BatchDelivered(UUID batchId, int checkIns, int inserted, int duplicates, Instant at) {}
