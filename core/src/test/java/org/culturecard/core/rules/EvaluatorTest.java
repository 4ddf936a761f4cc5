package org.culturecard.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.culturecard.core.rules.RulesFixtures.achievement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final Evaluator EVALUATOR = new Evaluator(RulesFixtures.everyKind());
    private int ids;

    private Visit at(String when, String venue, Sector sector) {
        return at(when, venue, sector, sector == Sector.ARTS ? ArtsActivity.MUSIC : null, Mode.ATTEND, null, null);
    }

    private Visit at(String when, String venue, Sector sector, ArtsActivity activity, Mode mode, LearningLayer layer,
            AgeBand band) {
        return new Visit(new UUID(1, ++ids), Instant.parse(when), venue, sector == null ? null : new UUID(2, sector.ordinal()),
                sector, activity, mode, layer, band);
    }

    @Test
    void countCompletesAtTheNthVisitInTimeOrder() {
        Visit first = at("2026-01-05T10:00:00Z", "a", null);
        Visit second = at("2026-01-06T10:00:00Z", "a", null);
        Visit third = at("2026-01-07T10:00:00Z", "a", null);
        assertThat(EVALUATOR.evaluate(List.of(third, first)).get("three-visits")).isNull();
        assertThat(EVALUATOR.evaluate(List.of(third, first, second)).get("three-visits")).isEqualTo(third);
    }

    @Test
    void filtersCountOnlyMatchingVisitsAndAgeBandAtTheTime() {
        Visit young = at("2026-01-05T10:00:00Z", "a", Sector.ARTS, ArtsActivity.DANCE, Mode.TAKE_PART,
                LearningLayer.PARTICIPATE, AgeBand.AGE_11_15);
        Visit old1 = at("2026-01-06T10:00:00Z", "a", Sector.ARTS, ArtsActivity.DANCE, Mode.TAKE_PART,
                LearningLayer.PARTICIPATE, AgeBand.AGE_16_19);
        Visit attend = at("2026-01-07T10:00:00Z", "a", Sector.ARTS, ArtsActivity.DANCE, Mode.ATTEND,
                LearningLayer.PARTICIPATE, AgeBand.AGE_16_19);
        assertThat(EVALUATOR.evaluate(List.of(young, old1, attend))).doesNotContainKey("maker");
        Visit old2 = at("2026-01-08T10:00:00Z", "b", Sector.HERITAGE, null, Mode.TAKE_PART, LearningLayer.LEAD,
                AgeBand.AGE_20_24);
        assertThat(EVALUATOR.evaluate(List.of(young, old1, attend, old2))).containsEntry("maker", old2);
    }

    @Test
    void distinctVenuesAndBreadthCountDistinctValues() {
        Visit a = at("2026-01-05T10:00:00Z", "a", Sector.LIBRARIES);
        Visit a2 = at("2026-01-06T10:00:00Z", "a", Sector.LIBRARIES);
        Visit b = at("2026-01-07T10:00:00Z", "b", Sector.ARTS);
        Visit c = at("2026-01-08T10:00:00Z", "c", Sector.ARTS);
        Visit d = at("2026-01-09T10:00:00Z", "d", Sector.HERITAGE);
        Map<String, Visit> earned = EVALUATOR.evaluate(List.of(a, a2, b, c, d));
        assertThat(earned).containsEntry("wanderer", c).containsEntry("all-rounder", d).containsEntry("first-library", a);
    }

    @Test
    void streakOfIsoWeeksInLondonBreaksOnAMissedWeek() {
        // Sunday 23:30 UTC in summer is Monday 00:30 in London: the next ISO week there.
        Visit w1 = at("2026-06-01T10:00:00Z", "a", null);
        Visit w2 = at("2026-06-07T23:30:00Z", "a", null);
        Visit w3 = at("2026-06-15T10:00:00Z", "a", null);
        assertThat(EVALUATOR.evaluate(List.of(w1, w2, w3))).containsEntry("weekly", w3);
        Visit w2utc = at("2026-06-07T22:30:00Z", "a", null); // Sunday 23:30 in London: still the first week
        assertThat(EVALUATOR.evaluate(List.of(w1, w2utc, w3))).doesNotContainKey("weekly");
    }

    @Test
    void streakOfMonthsCountsConsecutiveCalendarMonths() {
        Visit jan = at("2026-01-31T23:30:00Z", "a", Sector.MUSEUMS_GALLERIES);
        Visit feb = at("2026-02-01T10:00:00Z", "a", Sector.MUSEUMS_GALLERIES);
        assertThat(EVALUATOR.evaluate(List.of(jan, feb))).containsEntry("monthly", feb);
        Visit mar = at("2026-03-02T10:00:00Z", "a", Sector.MUSEUMS_GALLERIES);
        assertThat(EVALUATOR.evaluate(List.of(jan, mar))).doesNotContainKey("monthly");
    }

    @Test
    void windowCountsOnlyVisitsInsideIt() {
        Visit before = at("2026-02-28T23:00:00Z", "a", null);
        Visit in1 = at("2026-03-10T10:00:00Z", "a", null);
        Visit after = at("2026-06-01T00:00:00Z", "a", null);
        assertThat(EVALUATOR.evaluate(List.of(before, in1, after))).doesNotContainKey("spring");
        Visit in2 = at("2026-05-31T23:59:59Z", "a", null);
        assertThat(EVALUATOR.evaluate(List.of(before, in1, in2, after))).containsEntry("spring", in2);
    }

    @Test
    void allOfCompletesAtTheLastPartAndAnyOfAtTheNth() {
        List<Visit> visits = new ArrayList<>();
        visits.add(at("2026-01-05T10:00:00Z", "a", Sector.MUSEUMS_GALLERIES));
        visits.add(at("2026-01-12T10:00:00Z", "b", Sector.MUSEUMS_GALLERIES));
        Visit library = at("2026-01-19T10:00:00Z", "c", Sector.LIBRARIES);
        visits.add(library);
        Map<String, Visit> earned = EVALUATOR.evaluate(visits);
        assertThat(earned).containsEntry("explorer-pathway", library);
        assertThat(earned.get("weekly")).isEqualTo(library);
        assertThat(earned).doesNotContainKey("two-of"); // weekly only: two categories, one museum month
        Visit arts = at("2026-01-20T10:00:00Z", "d", Sector.ARTS);
        visits.add(arts);
        assertThat(EVALUATOR.evaluate(visits)).containsEntry("all-rounder", arts).containsEntry("two-of", arts);
    }

    @Test
    void evaluatingSomeIdsReturnsOnlyThose() {
        List<Visit> visits = List.of(at("2026-01-05T10:00:00Z", "a", Sector.LIBRARIES));
        assertThat(EVALUATOR.evaluate(visits, Set.of("first-library")).keySet()).containsExactly("first-library");
        assertThat(EVALUATOR.evaluate(visits, Set.of("three-visits"))).isEmpty();
    }

    @Test
    void progressCountsThePathwaysEarnedAchievements() {
        Pathway pathway = RulesFixtures.everyKind().pathway("young-explorer").orElseThrow();
        assertThat(pathway.progress(Set.of("wanderer", "three-visits")))
                .isEqualTo(new Pathway.Progress("young-explorer", "Young Explorer", 1, 3, false));
    }

    @Test
    void categoryIsTheSectorOrArtsAndItsActivity() {
        assertThat(at("2026-01-05T10:00:00Z", "a", Sector.ARTS).category()).isEqualTo("arts/music");
        assertThat(at("2026-01-05T10:00:00Z", "a", Sector.HERITAGE).category()).isEqualTo("heritage");
        assertThat(Visit.general(UUID.randomUUID(), Instant.EPOCH, "a", null).category()).isNull();
        assertThat(achievement("x", new Rule.FirstVisit(Sector.ARTS)).openAt(Instant.EPOCH)).isTrue();
    }
}
