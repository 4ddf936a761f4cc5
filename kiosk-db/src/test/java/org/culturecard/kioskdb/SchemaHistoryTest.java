package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.culturecard.kioskdb.KioskDb.Role;
import org.culturecard.kioskdb.internal.Migrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiosk-db keeps the schema history Flyway kept before it (ADR 26): files in the field were made
 * by Flyway, and a kiosk still on Flyway (an older release, or one rolled back) must accept ours.
 * Flyway itself is the judge here.
 */
class SchemaHistoryTest {
    private static final String HISTORY =
            "SELECT installed_rank, version, description, type, script, checksum, success FROM flyway_schema_history"
                    + " ORDER BY installed_rank";
    @TempDir
    Path dir;

    @Test
    void writesTheHistoryRowsFlywayWritesForTheSameScripts() throws Exception {
        Path byFlyway = dir.resolve("flyway.db");
        flyway(byFlyway, "classpath:db/kiosk").migrate();
        Path byKioskDb = dir.resolve("kiosk-db.db");
        KioskDb.open(byKioskDb, Role.KIOSK).close();

        try (RawFile flyway = new RawFile(byFlyway); RawFile ours = new RawFile(byKioskDb)) {
            assertThat(ours.rows(HISTORY)).isEqualTo(flyway.rows(HISTORY)).containsExactly(
                    "1|1|kiosk store|SQL|V1__kiosk_store.sql|522375429|1",
                    "2|2|staff from central|SQL|V2__staff_from_central.sql|1653690142|1",
                    "3|3|enrolment outbox|SQL|V3__enrolment_outbox.sql|1543473613|1",
                    "4|4|awards|SQL|V4__awards.sql|-1437404111|1");
            String schema = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'flyway%' ORDER BY name";
            assertThat(ours.rows(schema)).isEqualTo(flyway.rows(schema));
        }
    }

    @Test
    void aFileMadeHereValidatesWithFlywayAndNeedsNothingFromIt() {
        Path file = dir.resolve("kiosk.db");
        KioskDb.open(file, Role.KIOSK).close();

        Flyway flyway = flyway(file, "classpath:db/kiosk");
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void aFileFlywayMadeOpensUnchanged() throws Exception {
        Path file = dir.resolve("kiosk.db");
        flyway(file, "classpath:db/kiosk").migrate();
        String before;
        try (RawFile raw = new RawFile(file)) {
            before = String.join("\n", raw.rows(HISTORY));
        }

        try (KioskDb db = KioskDb.open(file, Role.KIOSK)) {
            assertThat(db.schemaVersion()).isEqualTo(4);
        }
        try (RawFile raw = new RawFile(file)) {
            assertThat(String.join("\n", raw.rows(HISTORY))).isEqualTo(before);
        }
    }

    @Test
    void checksumsAreFlywaysLineByLineCrc32() {
        assertThat(Migrations.checksum("SELECT 1;\nSELECT 2;\n")).isEqualTo(Migrations.checksum("SELECT 1;\r\nSELECT 2;"))
                .isEqualTo(Migrations.checksum("\uFEFFSELECT 1;\nSELECT 2;"));
        assertThat(Migrations.checksum("SELECT 1;")).isNotEqualTo(Migrations.checksum("SELECT 1; "));
    }

    @Test
    void everyScriptInTheFolderIsListedInOrder() throws IOException {
        Path folder = Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/db/kiosk");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> "db/kiosk/" + f.getFileName()).sorted())
                    .containsExactlyElementsOf(Migrations.KIOSK.scripts().stream().map(Migrations.Script::resource).toList());
        }
    }

    static Flyway flyway(Path file, String location) {
        return Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations(location).load();
    }
}
