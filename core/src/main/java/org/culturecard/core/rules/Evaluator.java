package org.culturecard.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which achievements a person has earned, and the visit that completed each: a pure function of the
 * <em>set</em> of the person's visits. Visits are de-duplicated and read in one order
 * ({@link Visit#ORDER}: time, then check-in id), so neither the order they arrive in nor a redelivered
 * one can change the answer. An achievement completes at the first visit (in that order) after
 * which its rule holds, and only at a visit inside its valid-from/to window; an all-of at the last of
 * its parts' completions, an any-N-of at the N-th.
 */
public final class Evaluator {

    private final Catalogue catalogue;
    private final Map<String, Achievement> byId;

    /** An evaluator for a valid catalogue ({@link CatalogueReader} refuses cycles and unknown ids). */
    public Evaluator(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.byId = catalogue.byId();
    }

    /** Every achievement earned by {@code visits}: id to completing visit, in catalogue order. */
    public Map<String, Visit> evaluate(Collection<Visit> visits) {
        return evaluate(visits, byId.keySet());
    }

    /** The achievements among {@code ids} earned by {@code visits} (those they depend on are evaluated, not returned). */
    public Map<String, Visit> evaluate(Collection<Visit> visits, Set<String> ids) {
        TreeSet<Visit> distinct = new TreeSet<>(Visit.ORDER);
        distinct.addAll(visits);
        List<Visit> ordered = new ArrayList<>(distinct);
        Map<String, Optional<Visit>> memo = new HashMap<>();
        Map<String, Visit> earned = new LinkedHashMap<>();
        for (Achievement achievement : catalogue.achievements()) {
            if (ids.contains(achievement.id())) {
                completion(achievement.id(), ordered, memo, new HashSet<>()).ifPresent(v -> earned.put(achievement.id(), v));
            }
        }
        return earned;
    }

    private Optional<Visit> completion(String id, List<Visit> visits, Map<String, Optional<Visit>> memo, Set<String> path) {
        Optional<Visit> known = memo.get(id);
        if (known != null) {
            return known;
        }
        Achievement achievement = byId.get(id);
        if (achievement == null || !path.add(id)) {
            throw new IllegalStateException("achievement " + id + " is unknown or part of a cycle");
        }
        Rule rule = achievement.rule();
        Optional<Visit> done;
        if (rule instanceof Rule.AllOf all) {
            done = nth(parts(all.achievements(), visits, memo, path), all.achievements().size());
        } else if (rule instanceof Rule.AnyOf any) {
            done = nth(parts(any.achievements(), visits, memo, path), any.count());
        } else {
            done = simple(achievement, visits);
        }
        path.remove(id);
        done = done.filter(v -> achievement.openAt(v.tappedAt()));
        memo.put(id, done);
        return done;
    }

    private List<Visit> parts(List<String> ids, List<Visit> visits, Map<String, Optional<Visit>> memo, Set<String> path) {
        List<Visit> done = new ArrayList<>();
        for (String part : new TreeSet<>(ids)) {
            completion(part, visits, memo, path).ifPresent(done::add);
        }
        done.sort(Visit.ORDER);
        return done;
    }

    private static Optional<Visit> nth(List<Visit> completions, int n) {
        return n >= 1 && completions.size() >= n ? Optional.of(completions.get(n - 1)) : Optional.empty();
    }

    private static Optional<Visit> simple(Achievement achievement, List<Visit> visits) {
        Rule rule = achievement.rule();
        if (rule instanceof Rule.CheckIns r) {
            return counting(achievement, visits, r.where(), r.count(), Visit::checkIn);
        } else if (rule instanceof Rule.DistinctVenues r) {
            return counting(achievement, visits, r.where(), r.count(), Visit::venue);
        } else if (rule instanceof Rule.Breadth r) {
            return counting(achievement, visits, r.where(), r.count(), Visit::category);
        } else if (rule instanceof Rule.FirstVisit r) {
            return counting(achievement, visits, VisitFilter.sectors(Set.of(r.sector())), 1, Visit::checkIn);
        } else if (rule instanceof Rule.Streak r) {
            return streak(achievement, visits, r);
        }
        throw new IllegalArgumentException("not a rule over visits: " + rule.type());
    }

    /** The visit at which {@code n} distinct keys (non-null) of counted visits have been seen. */
    private static Optional<Visit> counting(Achievement achievement, List<Visit> visits, VisitFilter where, int n,
            Function<Visit, Object> key) {
        Set<Object> seen = new HashSet<>();
        for (Visit visit : visits) {
            Object k = key.apply(visit);
            if (k != null && achievement.openAt(visit.tappedAt()) && where.matches(visit) && seen.add(k) && seen.size() >= n) {
                return Optional.of(visit);
            }
        }
        return Optional.empty();
    }

    private static Optional<Visit> streak(Achievement achievement, List<Visit> visits, Rule.Streak rule) {
        long last = Long.MIN_VALUE;
        int run = 0;
        for (Visit visit : visits) {
            if (!achievement.openAt(visit.tappedAt()) || !rule.where().matches(visit)) {
                continue;
            }
            long period = rule.unit().period(visit.tappedAt());
            if (period != last) {
                run = period == last + 1 ? run + 1 : 1;
                last = period;
                if (run >= rule.count()) {
                    return Optional.of(visit);
                }
            }
        }
        return Optional.empty();
    }
}
