package org.culturecard.core.event;

import java.util.Objects;

/**
 * An event's Taking Part category: a sector and, for the arts, an activity; the mode says whether
 * young people attend or take part.
 */
public record Category(Sector sector, ArtsActivity activity, Mode mode) {
    public Category {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(mode, "mode");
        if (sector == Sector.ARTS && activity == null) {
            throw new IllegalArgumentException("an arts event needs an arts activity");
        }
        if (sector != Sector.ARTS && activity != null) {
            throw new IllegalArgumentException("only arts events have an arts activity");
        }
    }
}
