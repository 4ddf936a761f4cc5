package org.culturecard.central.recognition;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.culturecard.central.store.Transactions;
import org.culturecard.core.rules.Catalogue;
import org.culturecard.core.rules.Evaluator;
import org.culturecard.core.rules.Pathway;
import org.culturecard.core.rules.Visit;

/**
 * Awards, goals and progress at central (ADR 33). {@link #evaluateDirty} is the periodic job:
 * it takes the persons whose tokens had check-ins committed ({@code recognition_dirty}, marked by
 * ingest) or changed person ({@code recognition_dirty_people}, marked by the identity trigger), moves
 * a merged person's awards to the person they now count as, evaluates each canonical person's whole
 * set of visits and writes what they have earned. Nothing here runs in the ingest transaction.
 */
public final class Recognition {

    /** Dirty rows taken per round; a tick runs rounds until none is left (at most {@link #MAX_ROUNDS}). */
    static final int ROUND = 500;
    private static final int MAX_ROUNDS = 200;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

    private final DataSource dataSource;
    private final AchievementBook book;
    private final Clock clock;

    public Recognition(DataSource dataSource, AchievementBook book, Clock clock) {
        this.dataSource = dataSource;
        this.book = book;
        this.clock = clock;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The achievements in force. */
    public AchievementBook book() {
        return book;
    }

    /** One tick of the job: evaluates every dirty person; returns how many persons were evaluated. */
    public int evaluateDirty() {
        int evaluated = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int n = sql("evaluate dirty persons", this::round);
            if (n < 0) {
                break;
            }
            evaluated += n;
        }
        return evaluated;
    }

    /** One round: -1 when nothing was dirty. */
    private int round(Connection connection) throws SQLException {
        // Each step commits alone: the dirty rows and versions are read (committed) before the visits.
        List<PersonRows.Dirty<Integer>> people = PersonRows.dirtyPeople(connection, ROUND);
        List<PersonRows.Dirty<String>> tokens = PersonRows.dirtyTokens(connection, ROUND);
        connection.commit();
        if (people.isEmpty() && tokens.isEmpty()) {
            return -1;
        }
        Set<Integer> persons = new TreeSet<>();
        Map<Integer, Integer> canonical = PersonRows.canonical(connection, people.stream().map(PersonRows.Dirty::key).toList());
        for (Map.Entry<Integer, Integer> e : canonical.entrySet()) {
            if (!e.getKey().equals(e.getValue())) {
                AwardRows.move(connection, e.getKey(), e.getValue());
            }
            persons.add(e.getValue());
        }
        List<String> tokenKeys = tokens.stream().map(PersonRows.Dirty::key).toList();
        PersonRows.ensurePeople(connection, tokenKeys);
        persons.addAll(PersonRows.personsOfTokens(connection, tokenKeys).values());
        evaluate(connection, persons, null);
        connection.commit();
        PersonRows.clearTokens(connection, tokens);
        connection.commit();
        for (PersonRows.Dirty<Integer> row : people) {
            PersonRows.clearPerson(connection, row);
            connection.commit();
        }
        return persons.size();
    }

    /** Evaluates {@code persons} for {@code only} (null: every achievement); returns how many awards are new. */
    private int evaluate(Connection connection, Collection<Integer> persons, Set<String> only) throws SQLException {
        Catalogue catalogue = book.catalogue();
        if (catalogue.achievements().isEmpty() || persons.isEmpty()) {
            return 0;
        }
        Evaluator evaluator = new Evaluator(catalogue);
        Map<Integer, List<Visit>> visits = VisitRows.of(connection, persons);
        List<AwardRows.Earned> earned = new ArrayList<>();
        var byId = catalogue.byId();
        for (Map.Entry<Integer, List<Visit>> person : visits.entrySet()) {
            Map<String, Visit> done = only == null ? evaluator.evaluate(person.getValue())
                    : evaluator.evaluate(person.getValue(), only);
            earned.addAll(AwardRows.earned(person.getKey(), done, byId));
        }
        return AwardRows.write(connection, earned, clock.instant());
    }

    /**
     * Evaluates every canonical person with check-ins for one achievement, {@code batch} persons per
     * transaction, in person id order; {@code progress} hears the persons done after each batch.
     */
    public Backfill backfill(String achievementId, int batch, IntConsumer progress) {
        if (book.catalogue().achievement(achievementId).isEmpty()) {
            throw new IllegalArgumentException("no achievement " + achievementId + " in the achievements file");
        }
        sql("give every token a person", connection -> {
            try (var insert = connection.createStatement()) {
                insert.executeUpdate("INSERT INTO people (token) SELECT DISTINCT token FROM check_ins ORDER BY 1"
                        + " ON CONFLICT (token) DO NOTHING");
            }
            return null;
        });
        int persons = 0;
        int awards = 0;
        int after = 0;
        while (true) {
            int from = after;
            List<Integer> ids = sql("list persons", connection -> PersonRows.canonicalAfter(connection, from, batch));
            if (ids.isEmpty()) {
                return new Backfill(persons, awards);
            }
            awards += sql("backfill " + achievementId, connection -> evaluate(connection, ids, Set.of(achievementId)));
            persons += ids.size();
            after = ids.get(ids.size() - 1);
            progress.accept(persons);
        }
    }

    /** What a backfill did: persons evaluated, awards new. */
    public record Backfill(int persons, int awards) {
    }

    /**
     * Sets the goal of the person whose card has {@code token} (64 hex digits) to {@code pathway};
     * the person's progress along it.
     *
     * @throws IllegalArgumentException for a malformed token or an unknown pathway
     * @throws java.util.NoSuchElementException when no check-in or enrolment has this token
     */
    public Pathway.Progress setGoal(String token, String pathway) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("token: must be 64 lower-case hex digits");
        }
        Pathway chosen = book.catalogue().pathway(pathway == null ? "" : pathway)
                .orElseThrow(() -> new IllegalArgumentException("pathway: no such pathway"));
        return sql("set a goal", connection -> {
            Integer person = PersonRows.personsOfTokens(connection, List.of(token)).get(token);
            if (person == null) {
                throw new java.util.NoSuchElementException("token: no person has this token yet");
            }
            AwardRows.setGoal(connection, person, chosen.id(), clock.instant());
            return chosen.progress(AwardRows.held(connection, person));
        });
    }

    /** The progress of {@code person} (a canonical id) towards their goal, if they have one ("3 of 5 towards Young Curator"). */
    public Optional<Pathway.Progress> progress(int person) {
        return sql("read progress", connection -> {
            String goal = AwardRows.goal(connection, person);
            Optional<Pathway> pathway = goal == null ? Optional.empty() : book.catalogue().pathway(goal);
            if (pathway.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(pathway.get().progress(AwardRows.held(connection, person)));
        });
    }

    /** The canonical person of a token, if central has seen it. */
    public Optional<Integer> personOf(String token) {
        return Optional.ofNullable(sql("find a person", c -> PersonRows.personsOfTokens(c, List.of(token)).get(token)));
    }

    private <T> T sql(String what, Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getSQLState() + " " + e.getMessage(), e);
        }
    }

    /** For tests: the awards each person holds. */
    Map<Integer, Set<String>> held(Collection<Integer> persons) {
        Map<Integer, Set<String>> held = new HashMap<>();
        for (int person : persons) {
            held.put(person, sql("read awards", c -> AwardRows.held(c, person)));
        }
        return held;
    }
}
