package org.culturecard.central.store;

import java.util.Map;

/**
 * Counts the database keeps for the whole scheme, read by central's metrics: every central
 * instance reports the same figure for them. A port of the store, so that the metrics depend on
 * the store and never the other way.
 */
public interface FleetCounts {
    long kiosksOnline();

    long deadLettersStored();

    /** Held check-ins by state: {@code waiting}, {@code flagged}. */
    Map<String, Long> heldCheckIns();

    /** Stored check-ins whose time is not the kiosk's own, by time basis ({@code rebased}, {@code implausible}). */
    Map<String, Long> checkInsByTimeBasis();
}
