package org.culturecard.central.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;

/**
 * What a report's rows are: a place or a kind of activity, or (with a council's linkage file)
 * an attribute of the young people. Each constant is the whole definition of its dimension, and
 * {@link ReportQueries}, {@link RollupCells} and {@link ReportFormats} only read it: its code (what
 * the CLI and the API accept, the JSON's {@code by}, and with {@code _} for {@code -} the CSV's
 * first column), how a check-in falls into a group ({@link Grouping}: SQL over {@code check_ins c},
 * {@code events e} and, when linked, {@code linkage l}; for central's own data the same in Java over
 * a rollup row), and the groups every report lists even when empty ({@link KnownGroups}). Adding
 * a dimension is adding a constant here (docs/adr/0029-report-dimensions.md).
 *
 * <p>Every SQL fragment here is constant text: a request only chooses a constant by its code
 * ({@link #fromCode}), and nothing of the request reaches the SQL.
 */
public enum Dimension {
    VENUE("venue", own("c.venue_id", (row, event) -> row.venueId()),
            new KnownGroups.Queried("SELECT DISTINCT venue_id FROM kiosks")),
    EVENT("event", own("coalesce(c.event_id::text, '" + Group.NO_EVENT + "')",
            (row, event) -> row.eventId() == null ? Group.NO_EVENT : row.eventId().toString()),
            new KnownGroups.Queried("SELECT event_id::text FROM events")),
    SECTOR("sector", ofEvent("e.sector", EventAttributes::sector),
            fixed(codesOf(Sector.values(), Sector::code), Group.NO_EVENT)),
    ACTIVITY("activity", ofEvent("coalesce(e.arts_activity, '" + Group.NOT_ARTS + "')",
            event -> event.artsActivity() == null ? Group.NOT_ARTS : event.artsActivity()),
            fixed(codesOf(ArtsActivity.values(), ArtsActivity::code), Group.NOT_ARTS, Group.NO_EVENT)),
    MODE("mode", ofEvent("e.mode", EventAttributes::mode), fixed(codesOf(Mode.values(), Mode::code), Group.NO_EVENT)),
    AGE_BAND("age-band", new Grouping.Linked("coalesce(l.age_band, '" + Group.UNLINKED + "')"),
            fixed(codesOf(Arrays.stream(AgeBand.values()).filter(a -> a != AgeBand.ALL).toArray(AgeBand[]::new), AgeBand::code),
                    Group.UNLINKED)),
    IMD_DECILE("imd-decile", new Grouping.Linked("coalesce(l.imd_decile::text, '" + Group.UNLINKED + "')"),
            fixed(IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).toList(), Group.UNLINKED)),
    PUPIL_PREMIUM("pupil-premium", new Grouping.Linked("CASE WHEN l.token IS NULL OR l.pupil_premium IS NULL THEN '"
            + Group.UNLINKED + "' WHEN l.pupil_premium THEN 'yes' ELSE 'no' END"),
            fixed(List.of("yes", "no"), Group.UNLINKED));

    /** The groups a check-in falls into when its dimension has no value for it. */
    static final class Group {
        /** A general visit, at no event. */
        static final String NO_EVENT = "no-event";
        /** At an event central does not know (yet). */
        static final String UNKNOWN_EVENT = "unknown-event";
        /** At an event with no arts activity. */
        static final String NOT_ARTS = "not-arts";
        /** A young person the council's linkage file does not list (or lists without the attribute). */
        static final String UNLINKED = "unlinked";

        private Group() {
        }
    }

    /** Which group a rollup row's check-ins fall into; {@code event} is null for no event or an unknown one. */
    @FunctionalInterface
    interface RollupGroup {
        String of(RollupRow row, EventAttributes event);
    }

    /** How a check-in falls into a group: {@code sql} is an expression over {@code c}, {@code e} (and {@code l}). */
    sealed interface Grouping {
        String sql();

        /** From central's own data: the aggregate query's expression, and the same grouping of a rollup row. */
        record Own(String sql, RollupGroup rollup) implements Grouping {
            public Own {
                Objects.requireNonNull(sql, "sql");
                Objects.requireNonNull(rollup, "rollup");
            }
        }

        /** From the council's linkage file, joined as {@code l} for one report; the rollup cannot give it. */
        record Linked(String sql) implements Grouping {
            static final String JOIN = "LEFT JOIN linkage l ON l.token = c.token";

            public Linked {
                Objects.requireNonNull(sql, "sql");
            }
        }
    }

    /** The groups every report by a dimension lists, so that an absent row never reveals a zero. */
    sealed interface KnownGroups {
        /** A fixed list. */
        record Fixed(List<String> groups) implements KnownGroups {
            public Fixed {
                groups = List.copyOf(groups);
            }
        }

        /**
         * The groups in the database: {@code sql} selects them from a table with a {@code venue_id}
         * column, to which {@link ReportQueries} adds a venue manager's scope.
         */
        record Queried(String sql) implements KnownGroups {
            public Queried {
                Objects.requireNonNull(sql, "sql");
            }
        }
    }

    private final String code;
    private final Grouping grouping;
    private final KnownGroups knownGroups;

    Dimension(String code, Grouping grouping, KnownGroups knownGroups) {
        this.code = code;
        this.grouping = grouping;
        this.knownGroups = knownGroups;
    }

    public String code() {
        return code;
    }

    /** The first column's name in the CSV. */
    public String csvColumn() {
        return code.replace('-', '_');
    }

    /** True when the rows come from the council's linkage file, not from central's own data. */
    public boolean linked() {
        return grouping instanceof Grouping.Linked;
    }

    Grouping grouping() {
        return grouping;
    }

    /** How a rollup row falls into a group; empty for a linked dimension. */
    Optional<RollupGroup> rollup() {
        return grouping instanceof Grouping.Own own ? Optional.of(own.rollup()) : Optional.empty();
    }

    KnownGroups knownGroups() {
        return knownGroups;
    }

    /** The codes of the linked dimensions, or of the others. */
    public static List<String> codes(boolean linked) {
        return Arrays.stream(values()).filter(d -> d.linked() == linked).map(Dimension::code).toList();
    }

    public static Dimension fromCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report dimension '" + code + "'; one of "
                        + Arrays.stream(values()).map(Dimension::code).toList()));
    }

    private static Grouping own(String sql, RollupGroup rollup) {
        return new Grouping.Own(sql, rollup);
    }

    /**
     * An attribute of the check-in's event: {@code sql} over {@code e}, {@code attribute} the same in
     * Java. A general visit is {@value Group#NO_EVENT}, an event central does not know
     * {@value Group#UNKNOWN_EVENT}.
     */
    private static Grouping ofEvent(String sql, Function<EventAttributes, String> attribute) {
        return new Grouping.Own("CASE WHEN c.event_id IS NULL THEN '" + Group.NO_EVENT + "' WHEN e.event_id IS NULL THEN '"
                + Group.UNKNOWN_EVENT + "' ELSE " + sql + " END",
                (row, event) -> row.eventId() == null ? Group.NO_EVENT
                        : event == null ? Group.UNKNOWN_EVENT : attribute.apply(event));
    }

    private static <T> List<String> codesOf(T[] values, Function<T, String> code) {
        return Arrays.stream(values).map(code).toList();
    }

    private static KnownGroups fixed(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return new KnownGroups.Fixed(all);
    }
}
