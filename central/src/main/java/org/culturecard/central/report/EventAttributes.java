package org.culturecard.central.report;

import java.util.Objects;

/**
 * What a report needs of one event: its sector, arts activity (null outside the arts) and mode,
 * and the index of its Taking Part category (sector plus arts activity) among the categories of
 * all events, as today's SQL bitmask numbers them.
 */
record EventAttributes(String sector, String artsActivity, String mode, int category) {
    EventAttributes {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(mode, "mode");
    }
}
