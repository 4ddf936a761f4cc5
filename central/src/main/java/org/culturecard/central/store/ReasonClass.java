package org.culturecard.central.store;

/**
 * Why a message or record was dead-lettered, as a closed set: the label of the dead-letter
 * metrics and the {@code reason_class} column. A <em>junk</em> class is a message refused as a
 * whole and never acknowledged to the kiosk (which keeps it and sends it again), so central keeps
 * only a few KB of it under a per-kiosk quota; the other classes are kept whole.
 */
public enum ReasonClass {
    /** Empty, too large, not JSON, or not the message it should be. */
    UNPARSEABLE("unparseable", true),
    /** Valid JSON with a schema name or version central does not take. */
    WRONG_SCHEMA("wrong-schema", true),
    /** The payload names another kiosk or venue than its topic. */
    MISMATCH("mismatch", true),
    /** The topic's kiosk is not in the registry that provisioning writes. */
    UNKNOWN_KIOSK("unknown-kiosk", true),
    /** The topic's kiosk is registered at another venue than the topic's. */
    WRONG_VENUE("wrong-venue", true),
    /** A check-in for an event of another venue: the record is kept whole, the rest of its batch stored. */
    FOREIGN_EVENT("foreign-event", false),
    /** A check-in that contradicts its envelope or carries an invalid field: kept whole, the rest stored. */
    INVALID_RECORD("invalid-record", false),
    /** A kiosk's event whose id belongs to another venue's event. */
    EVENT_CONFLICT("event-conflict", false),
    /** The database refused the data itself. */
    STORE_REFUSED("store-refused", false),
    /** A bug of ours while handling the message. */
    INTERNAL("internal", false);

    private final String label;
    private final boolean junk;

    ReasonClass(String label, boolean junk) {
        this.label = label;
        this.junk = junk;
    }

    /** The metric label and column value, e.g. {@code unknown-kiosk}. */
    public String label() {
        return label;
    }

    /** Whether only a bounded prefix of the payload is kept, under the per-kiosk quota. */
    public boolean junk() {
        return junk;
    }
}
