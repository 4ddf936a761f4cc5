package org.culturecard.provisioning.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.culturecard.core.privacy.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffTableTest {
    /** A PIN hash as PinHasher writes it (PIN 4821, salt 00..0f); core's PinHasherTest pins it. */
    static final String VECTOR = "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM";

    @TempDir
    Path temp;

    @Test
    void addsStaffToTheKioskStoreAndUpdatesThemByName() throws Exception {
        Path db = temp.resolve("kiosk.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE staff (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, pin_hash TEXT,"
                    + " card_token TEXT UNIQUE, created_at TEXT NOT NULL)");
        }
        StaffTable table = new StaffTable(db, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
                () -> UUID.fromString("01900000-0000-7000-8000-000000000001"));
        assertThat(table.setPin("Ada Reyes", VECTOR)).isEqualTo(StaffTable.Change.ADDED);
        Token card = Token.of("a".repeat(64));
        assertThat(table.setCard("Ada Reyes", card)).isEqualTo(StaffTable.Change.UPDATED);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, display_name, pin_hash, card_token, created_at FROM staff")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("01900000-0000-7000-8000-000000000001");
            assertThat(rows.getString(3)).isEqualTo(VECTOR);
            assertThat(rows.getString(4)).isEqualTo(card.value());
            assertThat(rows.getString(5)).isEqualTo("2026-11-25T10:00:00.000Z");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void refusesOnceCentralKeepsTheVenuesStaff() throws Exception {
        Path db = temp.resolve("kiosk.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE staff (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, pin_hash TEXT,"
                    + " card_token TEXT UNIQUE, created_at TEXT NOT NULL, origin TEXT NOT NULL DEFAULT 'kiosk')");
            statement.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("INSERT INTO settings VALUES ('staff.source', 'central')");
        }
        StaffTable table = new StaffTable(db, Clock.systemUTC(), UUID::randomUUID);

        assertThatThrownBy(() -> table.setPin("Ada", VECTOR)).hasMessageContaining("use --central");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM staff")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void refusesADatabaseThatDoesNotExistYet() {
        StaffTable table = new StaffTable(temp.resolve("missing.db"), Clock.systemUTC(), UUID::randomUUID);
        assertThatThrownBy(() -> table.setPin("Ada", VECTOR)).hasMessageContaining("start the kiosk once");
    }
}
