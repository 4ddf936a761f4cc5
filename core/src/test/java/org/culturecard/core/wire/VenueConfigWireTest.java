package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.golden.GoldenFiles;
import org.culturecard.core.wire.golden.WireGoldens;
import org.junit.jupiter.api.Test;

/**
 * The venue config on the wire, beyond the byte-for-byte round trip of its golden files in
 * {@link WireGoldenTest}: v1 exactly as centrals before staff records published it (a kiosk must
 * keep reading it), v2 with the staff part, unknown fields ignored at every depth, and every way a
 * staff part can be wrong, refused by name.
 */
class VenueConfigWireTest {
    static final Instant NOW = WireGoldens.NOW;
    static final VenueId MUSEUM = WireGoldens.MUSEUM;
    static final String HASH = WireGoldens.PIN_HASH;
    static final Token CARD = WireGoldens.STAFF_CARD;
    static final Token LOST_CARD = WireGoldens.LOST_STAFF_CARD;

    private final WireCodec codec = new WireCodec();

    static Event danceLab() {
        return WireGoldens.danceLab();
    }

    static VenueStaff staff() {
        return WireGoldens.staff();
    }

    @Test
    void readsTheV1SnapshotOfAnOlderCentralWithoutAStaffPart() throws Exception {
        VenueConfig config = codec.decode(golden("venue-config.v1.json"), VenueConfig.class);

        assertThat(config.staffPart()).isEmpty();
    }

    /**
     * Not a format check (the golden file is compared byte for byte in {@link WireGoldenTest}): it pins
     * the spellings ADR 0013 documents, so that regenerating the golden file cannot change them unseen.
     */
    @Test
    void theV2GoldenFileSpellsTheStaffPartAsAdr0013Documents() throws Exception {
        assertThat(text(golden("venue-config.v2.json"))).contains("\"schema\":\"culturecard.venue-config.v2\"",
                "\"auth\":\"card-and-pin\"", "\"managed\":true", "\"revokedAt\":\"2026-11-24T10:15:30Z\"");
    }

    @Test
    void ignoresFieldsItDoesNotKnowAtEveryDepthOfTheConfig() throws Exception {
        String json = text(golden("venue-config.v2.json"))
                .replace("{\"schema\"", "{\"chunk\":{\"of\":3},\"schema\"")
                .replace("\"auth\":", "\"lockoutMinutes\":5,\"auth\":")
                .replace("\"displayName\":\"Ada Reyes\"", "\"displayName\":\"Ada Reyes\",\"role\":\"manager\"")
                .replace("\"title\":", "\"colour\":\"#ff0000\",\"title\":");

        VenueConfig config = codec.decode(json.getBytes(StandardCharsets.UTF_8), VenueConfig.class);

        assertThat(config).isEqualTo(VenueConfig.of(MUSEUM, 8, NOW, List.of(danceLab()), staff()));
    }

    @Test
    void messagesAKioskSendsUpStillRefuseUnknownFields() {
        KioskEvents up = KioskEvents.of(org.culturecard.core.ids.KioskId.of("k1"), MUSEUM, NOW, List.of(danceLab()),
                List.of());
        String json = new String(codec.encode(up), StandardCharsets.UTF_8).replace("\"title\":", "\"colour\":1,\"title\":");

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), KioskEvents.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("colour");
    }

    @Test
    void refusesAV2WithoutStaffAV1WithStaffAndAnUnknownVersion() throws Exception {
        String v2 = text(golden("venue-config.v2.json"));
        String v1 = text(golden("venue-config.v1.json"));
        String staffPart = v2.substring(v2.indexOf(",\"staff\":"), v2.length() - 1);

        assertRefused(v2.replace(staffPart, ""), "staff");
        assertRefused(v1.substring(0, v1.length() - 1) + staffPart + "}", "carries no staff");
        assertRefused(v2.replace("venue-config.v2", "venue-config.v3"), "schema must be");
    }

    @Test
    void refusesABrokenStaffPartNamingTheField() throws Exception {
        String v2 = text(golden("venue-config.v2.json"));

        assertRefused(v2.replace(HASH.substring(0, 30), "plain-4821"), "pinHash");
        assertRefused(v2.replace("$210000$", "$2147483647$"), "pinHash");
        assertRefused(v2.replace("\"displayName\":\"Ada Reyes\"", "\"displayName\":\"\""), "displayName");
        assertRefused(v2.replace("\"displayName\":\"Ada Reyes\"", "\"displayName\":\"Ada\\r\\nINFO forged\""),
                "control characters");
        assertRefused(v2.replace("\"displayName\":\"Ada Reyes\"", "\"displayName\":\"" + "A".repeat(81) + "\""),
                "displayName");
        assertRefused(v2.replace(CARD.value(), "04a1b2c3d4e5f6"), "staff.members[0].cardToken");
        assertRefused(v2.replace(LOST_CARD.value(), CARD.value()), "share the card");
        assertRefused(v2.replace("00000000000b", "00000000000a"), "listed twice");
        assertRefused(v2.replace("\"auth\":\"card-and-pin\"", "\"auth\":\"none\""), "StaffAuth");
        assertRefused(v2.replace("\"managed\":true", "\"managed\":false"), "only when central manages");
    }

    @Test
    void refusesAMemberWithNoWayToSignInAndTooManyMembers() {
        assertThatThrownBy(() -> new StaffMember(UUID.randomUUID(), "Ada", null, null, null))
                .hasMessageContaining("neither a pinHash nor a cardToken");
        List<StaffMember> many = new ArrayList<>();
        for (int i = 0; i <= VenueStaff.MAX_MEMBERS; i++) {
            many.add(new StaffMember(UUID.randomUUID(), "Staff " + i, HASH, null, null));
        }
        assertThatThrownBy(() -> new VenueStaff(StaffAuth.PIN_ONLY, true, many)).hasMessageContaining("at most 200");
    }

    private void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), VenueConfig.class))
                .as(json).isInstanceOf(WireFormatException.class).hasMessageContaining(reason);
    }

    static byte[] golden(String name) throws IOException {
        return GoldenFiles.read(name);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
