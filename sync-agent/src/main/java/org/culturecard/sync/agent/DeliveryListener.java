package org.culturecard.sync.agent;

/**
 * Told when central acknowledges a batch, e.g. so the demo can say "check-in arrived in central".
 * Called on the agent's worker thread: return quickly and do not block.
 */
@FunctionalInterface
public interface DeliveryListener {
    void delivered(BatchDelivered batch);
}
