package org.culturecard.kiosk.ui.shell;

import java.time.Instant;
import java.util.Objects;

/**
 * What the small sync indicator on the attract screen shows: whether check-ins are reaching
 * central, how many wait in the outbox, and when the last batch was acknowledged.
 */
public record SyncIndicator(State state, long backlog, Instant lastSync) {

    /** The sync agent's connection, as far as the kiosk knows. */
    public enum State { CONNECTED, OFFLINE, UNKNOWN }

    public SyncIndicator {
        Objects.requireNonNull(state, "state");
        if (backlog < 0) {
            throw new IllegalArgumentException("backlog is not negative");
        }
    }

    public static SyncIndicator unknown(long backlog) {
        return new SyncIndicator(State.UNKNOWN, backlog, null);
    }
}
