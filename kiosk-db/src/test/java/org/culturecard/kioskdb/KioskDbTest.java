package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.culturecard.kioskdb.KioskDb.Role;
import org.culturecard.kioskdb.internal.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one opener: what each process's role may do at open, and the settings every connection gets. */
class KioskDbTest {
    @TempDir
    Path dir;

    @Test
    void theKioskCreatesTheFileAndItsFolderAndBringsItToTheLatestSchema() {
        Path file = dir.resolve("var/lib/culturecard/kiosk.db");

        try (KioskDb db = KioskDb.open(file, Role.KIOSK)) {
            assertThat(Files.isRegularFile(file)).isTrue();
            assertThat(db.schemaVersion()).isEqualTo(Migrations.KIOSK.latest()).isEqualTo(4);
        }
    }

    @Test
    void everyWorkingConnectionIsWalWithFullSyncABusyTimeoutAndForeignKeys() {
        Path file = dir.resolve("kiosk.db");
        KioskDb.open(file, Role.KIOSK).close();

        for (Role role : List.of(Role.KIOSK, Role.SYNC_AGENT, Role.PROVISIONING)) {
            try (KioskDb db = KioskDb.open(file, role)) {
                assertThat(db.pragma("journal_mode")).as(role.name()).isEqualTo("wal");
                assertThat(db.pragma("synchronous")).as(role.name()).isEqualTo("2"); // FULL
                assertThat(db.pragma("busy_timeout")).as(role.name()).isEqualTo("5000");
                assertThat(db.pragma("foreign_keys")).as(role.name()).isEqualTo("1");
            }
        }
    }

    @Test
    void noRoleButTheKioskCreatesAFile() {
        Path missing = dir.resolve("missing.db");

        for (Role role : List.of(Role.SYNC_AGENT, Role.PROVISIONING, Role.DOCTOR)) {
            assertThatThrownBy(() -> KioskDb.open(missing, role)).as(role.name()).isInstanceOf(KioskDbException.class)
                    .hasMessageContaining("missing.db").hasMessageContaining("the kiosk creates it");
        }
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void theSyncAgentMigratesAFileTheKioskHasNotYet() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Files.createFile(file); // the kiosk made the file and stopped before its schema

        try (KioskDb db = KioskDb.open(file, Role.SYNC_AGENT)) {
            assertThat(db.schemaVersion()).isEqualTo(4);
        }
        try (RawFile raw = new RawFile(file)) {
            assertThat(raw.rows("SELECT version, installed_by FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("1|sync-agent", "2|sync-agent", "3|sync-agent", "4|sync-agent");
        }
    }

    @Test
    void provisioningAndTheDoctorNeverMigrate() throws Exception {
        Path file = dir.resolve("kiosk.db");
        RawFile.createStaffOnlyStore(file);

        for (Role role : List.of(Role.PROVISIONING, Role.DOCTOR)) {
            try (KioskDb db = KioskDb.open(file, role)) {
                assertThat(db.schemaVersion()).as(role.name()).isZero();
            }
        }
        try (RawFile raw = new RawFile(file)) {
            assertThat(raw.rows("SELECT name FROM sqlite_master WHERE type = 'table'")).containsExactly("staff");
        }
    }

    @Test
    void theDoctorCannotWrite() throws Exception {
        Path file = dir.resolve("kiosk.db");
        KioskDb.open(file, Role.KIOSK).close();

        try (KioskDb db = KioskDb.open(file, Role.DOCTOR)) {
            assertThat(db.<Long>read("read the backlog", tables -> tables.outbox().backlog())).isZero();
            assertThatThrownBy(() -> db.write("write a setting", tables -> {
                tables.settings().put(SettingKey.READER_STATE, "no-reader");
                return null;
            })).isInstanceOf(KioskDbException.class).hasMessageContaining("read-only");
        }
        try (RawFile raw = new RawFile(file)) {
            assertThat(raw.rows("SELECT key FROM settings")).isEmpty();
        }
    }

    @Test
    void aWriteThatFailsLeavesNothingBehind() {
        try (KioskDb db = KioskDb.open(dir.resolve("kiosk.db"), Role.KIOSK)) {
            assertThatThrownBy(() -> db.write("write two settings", tables -> {
                tables.settings().put(SettingKey.READER_STATE, "no-reader");
                throw new IllegalStateException("the second one fails");
            })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> db.write("write the volume", tables -> {
                tables.settings().put(SettingKey.UI_VOLUME, 20);
                throw new SQLException("[SQLITE_FULL] database or disk is full");
            })).isInstanceOf(KioskDbException.class).hasMessage("cannot write the volume: [SQLITE_FULL] database or disk is full");

            assertThat(db.<Optional<String>>read("read settings", tables -> tables.settings().readerState())).isEmpty();
            assertThat(db.<Optional<Integer>>read("read settings", tables -> tables.settings().get(SettingKey.UI_VOLUME))).isEmpty();
        }
    }

    @Test
    void theKioskAndTheAgentStartingTogetherApplyEachMigrationOnce() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Files.createFile(file);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> kiosk = () -> {
                try (KioskDb db = KioskDb.open(file, Role.KIOSK)) {
                    return db.schemaVersion();
                }
            };
            Callable<Integer> agent = () -> {
                try (KioskDb db = KioskDb.open(file, Role.SYNC_AGENT)) {
                    return db.schemaVersion();
                }
            };
            List<Future<Integer>> opened = pool.invokeAll(List.of(kiosk, agent));
            assertThat(opened.get(0).get()).isEqualTo(4);
            assertThat(opened.get(1).get()).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
        try (RawFile raw = new RawFile(file)) {
            assertThat(raw.rows("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("1", "2", "3", "4");
        }
    }
}
