package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.culturecard.kioskdb.KioskDb.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-level checks the kiosk runs at start and the doctor runs read-only. */
class KioskDbFilesTest {
    @TempDir
    Path dir;

    @Test
    void tellsAnAbsentASoundAndAnUnreadableFileApartWithoutCreatingOne() throws Exception {
        Path file = dir.resolve("kiosk.db");
        assertThat(KioskDbFiles.checkIntegrity(file, Role.DOCTOR)).isInstanceOf(Integrity.Absent.class);
        assertThat(KioskDbFiles.checkIntegrity(file, Role.KIOSK).problem()).isEmpty();
        assertThat(Files.exists(file)).isFalse();

        KioskDb.open(file, Role.KIOSK).close();
        assertThat(KioskDbFiles.checkIntegrity(file, Role.DOCTOR)).isInstanceOf(Integrity.Sound.class);

        Files.writeString(file, "SQLite format 3\0 but not really a database at all".repeat(50), StandardCharsets.ISO_8859_1);
        Integrity garbage = KioskDbFiles.checkIntegrity(file, Role.DOCTOR);
        assertThat(garbage).isInstanceOf(Integrity.Unreadable.class);
        assertThat(garbage.problem()).get().asString().isNotBlank();
    }

    @Test
    void movesAFileAndItsCompanionsAsideUnderAFreeTimestampedName() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Instant now = Instant.parse("2026-03-14T10:00:00Z");
        for (String name : new String[] {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"}) {
            Files.writeString(dir.resolve(name), name);
        }
        Files.writeString(dir.resolve("kiosk.db.corrupt-20260314T100000Z"), "an earlier one");

        Path aside = KioskDbFiles.moveAside(file, now);

        assertThat(aside.getFileName().toString()).isEqualTo("kiosk.db.corrupt-20260314T100000Z-2");
        assertThat(Files.readString(aside)).isEqualTo("kiosk.db");
        assertThat(Files.readString(dir.resolve("kiosk.db.corrupt-20260314T100000Z-2-wal"))).isEqualTo("kiosk.db-wal");
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(dir.resolve("kiosk.db-shm"))).isFalse();
    }
}
