package org.culturecard.core.rules;

import java.util.List;
import java.util.Objects;
import org.culturecard.core.event.Sector;

/**
 * What a person must have done to earn an achievement (issue 14, item 1). Each kind says nothing of
 * how it is evaluated; {@link Evaluator} does. Counts are checked by {@link CatalogueValidator},
 * which names the field; the records only refuse nulls.
 */
public sealed interface Rule permits Rule.CheckIns, Rule.DistinctVenues, Rule.Breadth, Rule.Streak, Rule.FirstVisit,
        Rule.AllOf, Rule.AnyOf {

    /** The rule's code in the definitions file ({@code "type"}). */
    String type();

    /** {@code count} check-ins that pass {@code where}. */
    record CheckIns(int count, VisitFilter where) implements Rule {
        public CheckIns {
            Objects.requireNonNull(where, "where");
        }

        @Override
        public String type() {
            return "count";
        }
    }

    /** Visits that pass {@code where} at {@code count} distinct venues. */
    record DistinctVenues(int count, VisitFilter where) implements Rule {
        public DistinctVenues {
            Objects.requireNonNull(where, "where");
        }

        @Override
        public String type() {
            return "distinct-venues";
        }
    }

    /** Visits that pass {@code where} in {@code count} distinct Taking Part categories ({@link Visit#category()}). */
    record Breadth(int count, VisitFilter where) implements Rule {
        public Breadth {
            Objects.requireNonNull(where, "where");
        }

        @Override
        public String type() {
            return "breadth";
        }
    }

    /** A visit passing {@code where} in each of {@code count} consecutive ISO weeks or calendar months (Europe/London). */
    record Streak(int count, StreakUnit unit, VisitFilter where) implements Rule {
        public Streak {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(where, "where");
        }

        @Override
        public String type() {
            return "streak";
        }
    }

    /** The first visit to an event of {@code sector}. */
    record FirstVisit(Sector sector) implements Rule {
        public FirstVisit {
            Objects.requireNonNull(sector, "sector");
        }

        @Override
        public String type() {
            return "first-visit";
        }
    }

    /** Every one of {@code achievements} earned (a pathway's completion). */
    record AllOf(List<String> achievements) implements Rule {
        public AllOf {
            achievements = List.copyOf(achievements);
        }

        @Override
        public String type() {
            return "all-of";
        }
    }

    /** Any {@code count} of {@code achievements} earned. */
    record AnyOf(int count, List<String> achievements) implements Rule {
        public AnyOf {
            achievements = List.copyOf(achievements);
        }

        @Override
        public String type() {
            return "any-of";
        }
    }
}
