package org.culturecard.central.recognition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;

/** Definitions, tokens, check-ins and SQL reads for the recognition ITs. */
final class RecognitionFixtures {

    static final String DEFINITIONS = """
            {"achievements": [
              {"id": "three-visits", "version": 1, "name": "Regular", "description": "Three visits", "criteria": "Check in three times",
               "image": "badges/regular.png", "issuer": "Region of Learning", "rule": {"type": "count", "count": 3}},
              {"id": "museum-explorer", "version": 2, "name": "Museum Explorer", "description": "Two museum visits",
               "criteria": "Check in at a museum or gallery event twice", "image": "badges/museum-explorer.png",
               "issuer": "Region of Learning", "alignment": {"takingPartCategory": "museums-galleries", "learningLayer": "engage"},
               "rule": {"type": "count", "count": 2, "where": {"sector": ["museums-galleries"]}}},
              {"id": "wanderer", "version": 1, "name": "Wanderer", "description": "Two venues", "criteria": "Visit two venues",
               "image": "badges/wanderer.png", "issuer": "Region of Learning", "rule": {"type": "distinct-venues", "count": 2}},
              {"id": "explorer", "version": 1, "name": "Young Explorer", "description": "Both", "criteria": "Earn both",
               "image": "badges/explorer.png", "issuer": "Region of Learning",
               "rule": {"type": "all-of", "of": ["museum-explorer", "wanderer"]}},
              {"id": "twenty-something", "version": 1, "name": "Twenty-something", "description": "A visit at 20 or over",
               "criteria": "Check in once aged 20 to 24", "image": "badges/twenty.png", "issuer": "Region of Learning",
               "rule": {"type": "count", "count": 1, "where": {"ageBand": ["20-24"]}}}
            ],
             "pathways": [{"id": "young-explorer", "name": "Young Explorer", "achievements": ["museum-explorer", "wanderer"],
                           "completion": "explorer"}]}
            """;
    static final UUID MUSEUM_EVENT = UUID.fromString("00000000-0000-7000-8000-00000000000a");

    private final Random random;
    private final UuidV7 ids;
    private long seq;

    RecognitionFixtures(long seed) {
        this.random = new Random(seed);
        this.ids = new UuidV7(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC), random);
    }

    static Path definitions(Path dir, String json) throws IOException {
        Path file = dir.resolve("achievements.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    Token token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Token.of(HexFormat.of().formatHex(bytes));
    }

    CheckIn tap(Token token, String venue, String kiosk, UUID event, Instant at) {
        return new CheckIn(ids.get(), ++seq, token, event, VenueId.of(venue), KioskId.of(kiosk), at, true,
                CardKind.MIFARE_CLASSIC_1K, "0.1.0");
    }

    static CheckInBatch batch(String venue, String kiosk, List<CheckIn> taps) {
        return CheckInBatch.of(UUID.randomUUID(), KioskId.of(kiosk), VenueId.of(venue),
                UUID.nameUUIDFromBytes(kiosk.getBytes(StandardCharsets.UTF_8)), taps.get(0).tappedAt(), taps);
    }

    static void museumEvent(String url, String user, String password, String venue) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement insert = c.prepareStatement("INSERT INTO events (event_id, venue_id, title, sector, mode, age_band,"
                     + " learning_layer) VALUES (?, ?, 'Gallery late', 'museums-galleries', 'attend', '16-18', 'engage')"
                     + " ON CONFLICT DO NOTHING")) {
            insert.setObject(1, MUSEUM_EVENT);
            insert.setString(2, venue);
            insert.executeUpdate();
        }
    }

    /** Every award as "token-of-the-person's-first-token achievement completed-by", sorted: comparable across databases. */
    static List<String> awards(String url, String user, String password) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement select = c.prepareStatement("SELECT p.token, a.achievement_id, a.completed_by, a.venue_id"
                     + " FROM awards a JOIN people p ON p.person_id = a.person_id ORDER BY 1, 2");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1).substring(0, 8) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return rows;
    }

    static long count(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement select = c.prepareStatement(sql);
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
