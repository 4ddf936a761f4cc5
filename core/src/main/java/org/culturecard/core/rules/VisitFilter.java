package org.culturecard.core.rules;

import java.util.Set;
import java.util.UUID;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;

/**
 * Which visits a rule counts: each set, when not empty, is a condition the visit must meet (any of
 * its values); empty sets mean "any". A condition on an event attribute excludes general visits.
 */
public record VisitFilter(Set<Sector> sectors, Set<ArtsActivity> activities, Set<Mode> modes, Set<String> venues,
        Set<UUID> events, Set<LearningLayer> layers, Set<AgeBand> ageBands) {

    /** Every visit. */
    public static final VisitFilter ANY = new VisitFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public VisitFilter {
        sectors = Set.copyOf(sectors);
        activities = Set.copyOf(activities);
        modes = Set.copyOf(modes);
        venues = Set.copyOf(venues);
        events = Set.copyOf(events);
        layers = Set.copyOf(layers);
        ageBands = Set.copyOf(ageBands);
    }

    /** Visits in one of these sectors. */
    public static VisitFilter sectors(Set<Sector> sectors) {
        return new VisitFilter(sectors, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** True when {@code visit} meets every condition. */
    public boolean matches(Visit visit) {
        return meets(sectors, visit.sector()) && meets(activities, visit.activity()) && meets(modes, visit.mode())
                && meets(venues, visit.venue()) && meets(events, visit.event()) && meets(layers, visit.layer())
                && meets(ageBands, visit.ageBand());
    }

    private static <T> boolean meets(Set<T> allowed, T value) {
        return allowed.isEmpty() || value != null && allowed.contains(value);
    }
}
