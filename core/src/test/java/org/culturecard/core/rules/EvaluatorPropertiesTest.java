package org.culturecard.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;

/** The evaluator is a function of the set of visits: any order and any duplication give the same awards. */
class EvaluatorPropertiesTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Evaluator EVALUATOR = new Evaluator(RulesFixtures.everyKind());

    @Property(tries = 300)
    void sameAwardsForAnyOrderAndDuplication(@ForAll("visits") List<Visit> visits, @ForAll long seed) {
        Map<String, Visit> expected = EVALUATOR.evaluate(visits);
        Random random = new Random(seed);
        List<Visit> shuffled = new ArrayList<>(visits);
        for (Visit visit : visits) {
            int copies = random.nextInt(3);
            for (int i = 0; i < copies; i++) {
                shuffled.add(visit);
            }
        }
        Collections.shuffle(shuffled, random);
        assertThat(EVALUATOR.evaluate(shuffled)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void moreVisitsNeverTakeAnAwardAwayWithoutAWindow(@ForAll("visits") List<Visit> visits, @ForAll("visits") List<Visit> more) {
        Map<String, Visit> before = EVALUATOR.evaluate(visits);
        List<Visit> all = new ArrayList<>(visits);
        all.addAll(more);
        assertThat(EVALUATOR.evaluate(all).keySet()).containsAll(before.keySet());
    }

    @Provide
    Arbitrary<List<Visit>> visits() {
        Arbitrary<Visit> visit = Combinators.combine(
                Arbitraries.integers().between(0, 400 * 24),
                Arbitraries.of("library-a", "museum-b", "theatre-c", "hall-d"),
                Arbitraries.of(Sector.values()).injectNull(0.2),
                Arbitraries.of(ArtsActivity.values()),
                Arbitraries.of(Mode.values()),
                Arbitraries.of(LearningLayer.values()).injectNull(0.3),
                Arbitraries.of(AgeBand.values()).injectNull(0.3),
                Arbitraries.integers().between(0, 5))
                .as((hours, venue, sector, activity, mode, layer, band, event) -> sector == null
                        ? Visit.general(UUID.randomUUID(), START.plusSeconds(hours * 3600L), venue, band)
                        : new Visit(UUID.randomUUID(), START.plusSeconds(hours * 3600L), venue,
                                new UUID(0, event), sector, sector == Sector.ARTS ? activity : null, mode, layer, band));
        return visit.list().ofMaxSize(60);
    }

    @Property(tries = 50)
    void visitsWithTheSameTimeAreOrderedByCheckIn(@ForAll("visits") List<Visit> visits) {
        List<Visit> sameTime = visits.stream()
                .map(v -> new Visit(v.checkIn(), START, v.venue(), v.event(), v.sector(), v.activity(), v.mode(), v.layer(),
                        v.ageBand()))
                .toList();
        List<Visit> reversed = new ArrayList<>(sameTime);
        Collections.reverse(reversed);
        assertThat(EVALUATOR.evaluate(reversed)).isEqualTo(EVALUATOR.evaluate(sameTime));
        assertThat(Set.copyOf(sameTime)).hasSameSizeAs(sameTime);
    }
}
