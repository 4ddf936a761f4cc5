package org.culturecard.sync.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.sync.testing.KioskDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 0012's rules for the staff table, applied to a real kiosk SQLite file as the agent applies a config. */
class VenueStaffRowsTest {
    static final String HASH = "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM";
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final UUID ADA = UUID.fromString("01937a2b-0000-7000-8000-00000000000a");
    private static final UUID LEE = UUID.fromString("01937a2b-0000-7000-8000-00000000000c");
    private static final Token ADA_CARD = Token.of("5d".repeat(32));
    private static final Token LOCAL_CARD = Token.of("1f".repeat(32));

    @TempDir
    Path dir;

    @Test
    void whileCentralDoesNotManageTheVenueTheKiosksOwnStaffStandAndOnlyTheSettingArrives() throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteVenueEvents events = SqliteVenueEvents.open(kiosk.file())) {
            insertLocalStaff(kiosk, "Pat", LOCAL_CARD);

            events.apply(VenueConfig.of(KioskDb.VENUE, 1, NOW, List.of(), VenueStaff.unmanaged(StaffAuth.CARD_ONLY)), NOW);

            assertThat(staff(kiosk)).containsExactly("Pat|kiosk|" + LOCAL_CARD.value() + "|revoked=null|v=null");
            assertThat(kiosk.setting("staff.auth")).isEqualTo("card-only");
            assertThat(kiosk.setting("staff.source")).isNull();
        }
    }

    @Test
    void theFirstManagedConfigReplacesTheKiosksOwnRowsWithCentralsListRevokedMembersIncluded() throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteVenueEvents events = SqliteVenueEvents.open(kiosk.file())) {
            insertLocalStaff(kiosk, "Pat", LOCAL_CARD);
            insertLocalStaff(kiosk, "Ada (enrolled here too)", ADA_CARD);

            events.apply(VenueConfig.of(KioskDb.VENUE, 4, NOW, List.of(), new VenueStaff(StaffAuth.CARD_AND_PIN, true, List.of(
                    new StaffMember(ADA, "Ada Reyes", HASH, ADA_CARD, null),
                    new StaffMember(LEE, "Lee Park", null, Token.of("0c".repeat(32)), NOW.minusSeconds(60))))), NOW);

            assertThat(staff(kiosk)).containsExactlyInAnyOrder(
                    "Ada Reyes|central|" + ADA_CARD.value() + "|revoked=null|v=4",
                    "Lee Park|central|" + "0c".repeat(32) + "|revoked=2026-11-25T10:14:30.000Z|v=4");
            assertThat(kiosk.setting("staff.auth")).isEqualTo("card-and-pin");
            assertThat(kiosk.setting("staff.source")).isEqualTo("central");
        }
    }

    @Test
    void aRevocationInTheNextConfigReachesTheKioskAndAV1ConfigLeavesStaffAlone() throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteVenueEvents events = SqliteVenueEvents.open(kiosk.file())) {
            events.apply(VenueConfig.of(KioskDb.VENUE, 4, NOW, List.of(), new VenueStaff(StaffAuth.CARD_AND_PIN, true,
                    List.of(new StaffMember(ADA, "Ada Reyes", HASH, ADA_CARD, null)))), NOW);
            events.apply(VenueConfig.of(KioskDb.VENUE, 5, NOW, List.of(), new VenueStaff(StaffAuth.CARD_AND_PIN, true,
                    List.of(new StaffMember(ADA, "Ada Reyes", HASH, ADA_CARD, NOW)))), NOW);
            assertThat(staff(kiosk)).containsExactly(
                    "Ada Reyes|central|" + ADA_CARD.value() + "|revoked=2026-11-25T10:15:30.000Z|v=5");

            events.apply(VenueConfig.v1(KioskDb.VENUE, 6, NOW, List.of()), NOW);

            assertThat(events.appliedVersion()).isEqualTo(6);
            assertThat(staff(kiosk)).containsExactly(
                    "Ada Reyes|central|" + ADA_CARD.value() + "|revoked=2026-11-25T10:15:30.000Z|v=5");
            assertThat(kiosk.setting("staff.auth")).isEqualTo("card-and-pin");
        }
    }

    @Test
    void anOlderConfigChangesNoStaff() throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteVenueEvents events = SqliteVenueEvents.open(kiosk.file())) {
            events.apply(VenueConfig.of(KioskDb.VENUE, 5, NOW, List.of(), new VenueStaff(StaffAuth.CARD_AND_PIN, true,
                    List.of(new StaffMember(ADA, "Ada Reyes", HASH, ADA_CARD, NOW)))), NOW);

            assertThat(events.apply(VenueConfig.of(KioskDb.VENUE, 4, NOW, List.of(), new VenueStaff(StaffAuth.CARD_ONLY,
                    true, List.of(new StaffMember(ADA, "Ada Reyes", HASH, ADA_CARD, null)))), NOW)).isEqualTo(-1);

            assertThat(staff(kiosk)).singleElement().asString().contains("revoked=2026-11-25T10:15:30.000Z");
            assertThat(kiosk.setting("staff.auth")).isEqualTo("card-and-pin");
        }
    }

    static void insertLocalStaff(KioskDb kiosk, String name, Token card) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO staff (id, display_name, pin_hash, card_token, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, name);
            insert.setString(3, HASH);
            insert.setString(4, card.value());
            insert.setString(5, "2026-01-01T00:00:00.000Z");
            insert.executeUpdate();
        }
    }

    /** Each row as "name|origin|card|revoked=..|v=..". */
    static List<String> staff(KioskDb kiosk) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                PreparedStatement select = connection.prepareStatement(
                        "SELECT display_name, origin, card_token, revoked_at, config_version FROM staff");
                ResultSet rows = select.executeQuery()) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3) + "|revoked="
                        + rows.getString(4) + "|v=" + rows.getString(5));
            }
            return found;
        }
    }
}
