package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import picocli.CommandLine;

/**
 * Every dimension is one complete definition (ADR 29): a code for the API, the CLI, the JSON and the
 * CSV; constant SQL for the aggregate query; a rollup grouping unless linked; and the groups every
 * report lists. A new constant that leaves a part out fails here, not in a report.
 */
class DimensionTest {

    private static final UUID EVENT_ID = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final EventAttributes ARTS_EVENT = new EventAttributes(Sector.ARTS.code(), ArtsActivity.MUSIC.code(),
            Mode.TAKE_PART.code(), 0);
    private static final EventAttributes HERITAGE_EVENT = new EventAttributes(Sector.HERITAGE.code(), null,
            Mode.ATTEND.code(), 1);

    @Test
    void everyDimensionHasAUniqueCodeThatTheApiAcceptsAndACsvColumn() {
        for (Dimension d : Dimension.values()) {
            assertThat(d.code()).as(d.name()).matches("[a-z][a-z0-9-]*");
            assertThat(Dimension.fromCode(d.code())).isSameAs(d);
            assertThat(Dimension.fromCode(" " + d.code().toUpperCase(java.util.Locale.ROOT) + " ")).isSameAs(d);
            assertThat(d.csvColumn()).as(d.name()).matches("[a-z][a-z0-9_]*");
        }
        assertThat(Arrays.stream(Dimension.values()).map(Dimension::code).distinct()).hasSize(Dimension.values().length);
        assertThat(Arrays.stream(Dimension.values()).map(Dimension::csvColumn).distinct()).hasSize(Dimension.values().length);
    }

    @Test
    void everyDimensionHasConstantSqlOverTheQuerysTablesOnly() {
        for (Dimension d : Dimension.values()) {
            String sql = d.grouping().sql();
            assertThat(sql).as(d.name()).isNotBlank().doesNotContain("?", ";", "--", "/*");
            assertThat(sql).as(d.name() + " reads check_ins, events or linkage").containsPattern("\\b[cel]\\.[a-z_]+");
            if (!d.linked()) {
                assertThat(sql).as(d.name() + ": central's own data has no linkage").doesNotContainPattern("\\bl\\.");
            }
            if (d.knownGroups() instanceof Dimension.KnownGroups.Queried queried) {
                assertThat(queried.sql()).as(d.name()).startsWith("SELECT ").doesNotContain("?", ";", "--", "WHERE");
            }
        }
    }

    @Test
    void everyDimensionOfCentralsOwnDataGroupsARollupRowAndOnlyThose() {
        for (Dimension d : Dimension.values()) {
            assertThat(d.rollup().isPresent()).as(d.name()).isNotEqualTo(d.linked());
            if (d.linked()) {
                ReportSpec spec = new ReportSpec(d, Period.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
                assertThatThrownBy(() -> new RollupCells(spec, java.util.Map.of(), 0))
                        .isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            Dimension.RollupGroup group = d.rollup().orElseThrow();
            for (RollupRow row : new RollupRow[] {row(null), row(EVENT_ID)}) {
                for (EventAttributes event : new EventAttributes[] {null, ARTS_EVENT, HERITAGE_EVENT}) {
                    if (row.eventId() == null && event != null) {
                        continue;
                    }
                    String found = group.of(row, event);
                    assertThat(found).as(d.name() + " " + row.eventId() + " " + event).isNotBlank();
                    if (d.knownGroups() instanceof Dimension.KnownGroups.Fixed fixed && (row.eventId() == null || event != null)) {
                        assertThat(fixed.groups()).as(d.name() + ": a known event's group is listed").contains(found);
                    }
                }
            }
        }
    }

    @Test
    void everyDimensionListsItsGroupsWithoutRepeats() {
        for (Dimension d : Dimension.values()) {
            if (d.knownGroups() instanceof Dimension.KnownGroups.Fixed fixed) {
                assertThat(fixed.groups()).as(d.name()).isNotEmpty().doesNotHaveDuplicates().doesNotContainNull()
                        .doesNotContain(EngagementReport.TOTAL);
            } else {
                assertThat(d.knownGroups()).as(d.name()).isInstanceOf(Dimension.KnownGroups.Queried.class);
            }
        }
    }

    @Test
    void theAggregateQueryCarriesTheDimensionsSqlAndTheLinkageJoinOnlyWhenLinked() {
        for (Dimension d : Dimension.values()) {
            String sql = ReportQueries.cellsSql(new ReportSpec(d, Period.WEEK, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));
            assertThat(sql).as(d.name()).contains("(" + d.grouping().sql() + ") COLLATE \"C\" AS grp", "date_trunc('week'");
            assertThat(sql.contains(Dimension.Grouping.Linked.JOIN)).as(d.name()).isEqualTo(d.linked());
        }
    }

    @Test
    void aDimensionNameThatIsNotACodeIsRefusedAndNamesTheCodes() {
        for (String bad : new String[] {"venue'; DROP TABLE check_ins; --", "c.venue_id", "VENUE_", "", null, "age_band"}) {
            assertThatThrownBy(() -> Dimension.fromCode(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown report dimension").hasMessageContaining("pupil-premium");
        }
    }

    @Test
    void theCommandLineHelpListsEveryCode() {
        String help = new CommandLine(new ReportCommand(java.util.Map.of())).getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (Dimension d : Dimension.values()) {
            assertThat(help).as(d.name()).contains(d.code());
        }
        assertThat(Dimension.codes(false)).contains("venue").doesNotContain("age-band");
        assertThat(Dimension.codes(true)).contains("age-band").doesNotContain("venue");
    }

    private static RollupRow row(UUID event) {
        return new RollupRow(LocalDate.of(2026, 1, 10), "v1", event, 3, RoaringBitmap.bitmapOf(1, 2), RoaringBitmap.bitmapOf(1));
    }
}
