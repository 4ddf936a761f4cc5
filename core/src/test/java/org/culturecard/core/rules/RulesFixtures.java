package org.culturecard.core.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;

/** Catalogues for the rule tests. */
final class RulesFixtures {

    private RulesFixtures() {
    }

    static Achievement achievement(String id, Rule rule) {
        return achievement(id, rule, null, null);
    }

    static Achievement achievement(String id, Rule rule, Instant from, Instant to) {
        return new Achievement(id, 1, id, "about " + id, "do " + id, "badges/" + id + ".png", List.of("test"),
                Achievement.Alignment.NONE, "Test partnership", from, to, rule);
    }

    /** One achievement of every kind of rule, filters included. */
    static Catalogue everyKind() {
        VisitFilter museums = VisitFilter.sectors(Set.of(Sector.MUSEUMS_GALLERIES));
        VisitFilter takingPart = new VisitFilter(Set.of(), Set.of(), Set.of(Mode.TAKE_PART), Set.of(), Set.of(),
                Set.of(LearningLayer.PARTICIPATE, LearningLayer.LEAD), Set.of(AgeBand.AGE_16_19, AgeBand.AGE_20_24));
        return new Catalogue(List.of(
                achievement("three-visits", new Rule.CheckIns(3, VisitFilter.ANY)),
                achievement("museum-explorer", new Rule.CheckIns(2, museums)),
                achievement("maker", new Rule.CheckIns(2, takingPart)),
                achievement("wanderer", new Rule.DistinctVenues(3, VisitFilter.ANY)),
                achievement("all-rounder", new Rule.Breadth(3, VisitFilter.ANY)),
                achievement("weekly", new Rule.Streak(3, StreakUnit.ISO_WEEK, VisitFilter.ANY)),
                achievement("monthly", new Rule.Streak(2, StreakUnit.MONTH, museums)),
                achievement("first-library", new Rule.FirstVisit(Sector.LIBRARIES)),
                achievement("spring", new Rule.CheckIns(2, VisitFilter.ANY), Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-06-01T00:00:00Z")),
                achievement("explorer-pathway", new Rule.AllOf(List.of("museum-explorer", "wanderer", "first-library"))),
                achievement("two-of", new Rule.AnyOf(2, List.of("weekly", "monthly", "all-rounder", "spring")))),
                List.of(new Pathway("young-explorer", "Young Explorer", List.of("museum-explorer", "wanderer", "first-library"),
                        "explorer-pathway")));
    }
}
