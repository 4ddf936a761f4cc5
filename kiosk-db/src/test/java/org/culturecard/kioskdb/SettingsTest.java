package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.kioskdb.KioskDb.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every settings row by its typed key: the names on disk, the text each value is written as, and what an unreadable row is. */
class SettingsTest {
    @TempDir
    Path dir;
    private KioskDb db;

    @BeforeEach
    void open() {
        db = KioskDb.open(dir.resolve("kiosk.db"), Role.KIOSK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theKeysAreTheRowsFilesInTheFieldHoldEachDefinedOnce() {
        assertThat(SettingKey.ALL).extracting(SettingKey::name).containsExactly("reader.state", "disk.budget",
                "config.version", "staff.auth", "staff.source", "checkin.unregistered", "staff.pin.failures", "staff.pin.lockedUntil",
                "ui.language", "ui.highContrast", "ui.textScale", "ui.volume").doesNotHaveDuplicates();
    }

    @Test
    void writesEachValueAsTheTextTheOtherProcessReads() throws Exception {
        Instant at = Instant.parse("2026-11-25T15:10:09Z");
        DiskBudget budget = DiskBudget.measured(620_000_000L, 1_000_000_000L, at);
        db.write("write settings", t -> {
            Settings settings = t.settings();
            settings.put(SettingKey.READER_STATE, "ready: ACS ACR1252 1S CL Reader PICC 0");
            settings.put(SettingKey.DISK_BUDGET, budget);
            settings.put(SettingKey.CONFIG_VERSION, 42L);
            settings.put(SettingKey.STAFF_AUTH, StaffAuth.CARD_ONLY);
            settings.put(SettingKey.CENTRAL_KEEPS_STAFF, true);
            settings.put(SettingKey.UNREGISTERED_CARDS, UnregisteredCards.RECORD_AND_REMIND);
            settings.put(SettingKey.PIN_FAILURES, 3);
            settings.put(SettingKey.PIN_LOCKED_UNTIL, at.plusMillis(1));
            settings.put(SettingKey.UI_LANGUAGE, Locale.forLanguageTag("pl"));
            settings.put(SettingKey.UI_HIGH_CONTRAST, true);
            settings.put(SettingKey.UI_TEXT_SCALE, 175);
            settings.put(SettingKey.UI_VOLUME, 30);
            return null;
        });

        try (RawFile raw = new RawFile(db.file())) {
            assertThat(raw.rows("SELECT key, value FROM settings ORDER BY key")).containsExactly(
                    "checkin.unregistered|record-and-remind",
                    "config.version|42",
                    "disk.budget|alert=HALF percent=62 used=620000000 budget=1000000000 at=2026-11-25T15:10:09Z",
                    "reader.state|ready: ACS ACR1252 1S CL Reader PICC 0",
                    "staff.auth|card-only",
                    "staff.pin.failures|3",
                    "staff.pin.lockedUntil|2026-11-25T15:10:09.001Z",
                    "staff.source|central",
                    "ui.highContrast|true",
                    "ui.language|pl",
                    "ui.textScale|175",
                    "ui.volume|30");
        }
        db.read("read settings", t -> {
            Settings settings = t.settings();
            assertThat(settings.readerState()).contains("ready: ACS ACR1252 1S CL Reader PICC 0");
            assertThat(settings.diskBudget()).contains(budget);
            assertThat(settings.appliedConfigVersion()).isEqualTo(42);
            assertThat(settings.staffAuth()).isEqualTo(StaffAuth.CARD_ONLY);
            assertThat(settings.centralKeepsStaff()).isTrue();
            assertThat(settings.unregisteredCards()).isEqualTo(UnregisteredCards.RECORD_AND_REMIND);
            assertThat(settings.get(SettingKey.PIN_LOCKED_UNTIL)).contains(at.plusMillis(1));
            assertThat(settings.get(SettingKey.UI_LANGUAGE)).contains(Locale.forLanguageTag("pl"));
            return null;
        });
    }

    @Test
    void anAbsentOrUnreadableRowIsAbsentAndTheStaffRuleFallsBackToCardAndPin() throws Exception {
        try (RawFile raw = new RawFile(db.file())) {
            raw.execute("INSERT INTO settings VALUES ('staff.auth', 'anyone-may-enter'), ('disk.budget', 'alert=PURPLE'),"
                    + " ('ui.volume', 'loud'), ('config.version', 'seven'), ('checkin.unregistered', 'shout')");
        }

        db.read("read settings", t -> {
            Settings settings = t.settings();
            assertThat(settings.staffAuth()).isEqualTo(StaffAuth.DEFAULT).isEqualTo(StaffAuth.CARD_AND_PIN);
            assertThat(settings.diskBudget()).isEmpty();
            assertThat(settings.get(SettingKey.UI_VOLUME)).isEmpty();
            assertThat(settings.text(SettingKey.UI_VOLUME)).contains("loud");
            assertThat(settings.appliedConfigVersion()).isZero();
            assertThat(settings.readerState()).isEmpty();
            assertThat(settings.centralKeepsStaff()).isFalse();
            assertThat(settings.unregisteredCards()).isEqualTo(UnregisteredCards.RECORD_SILENTLY);
            return Optional.empty();
        });
    }

    @Test
    void aStoreOlderThanTheSettingsTableHasNothingFromCentral() throws Exception {
        Path old = dir.resolve("old.db");
        RawFile.createStaffOnlyStore(old);
        try (KioskDb provisioning = KioskDb.open(old, Role.PROVISIONING)) {
            assertThat(provisioning.<Boolean>read("read the staff source", t -> t.settings().centralKeepsStaff())).isFalse();
        }
    }
}
