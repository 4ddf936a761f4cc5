package org.culturecard.sync.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.Agents;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Venue config down and kiosk events up, through a real Mosquitto into a real kiosk SQLite file. */
class VenueConfigIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DateTimeFormatter KIOSK_TIMES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final WireCodec codec = new WireCodec();
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void newerSnapshotsAreAppliedOlderOnesIgnoredAndDroppedCentralEventsClosed(@TempDir Path dir) throws Exception {
        Event a = event("Clay Workshop");
        Event b = event("Story Hour");
        Event c = event("From an old snapshot");
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                TestClient central = client("central-config");
                MqttSyncAgent agent = agent(kiosk, outbox)) {
            publishRetained(central, VenueConfig.of(KioskDb.VENUE, 2, start, List.of(a, b)));
            await().atMost(WAIT).until(() -> appliedVersion(kiosk) == 2);
            assertThat(rows(kiosk)).containsEntry(a.id(), "Clay Workshop|central|2|closed=0")
                    .containsEntry(b.id(), "Story Hour|central|2|closed=0");

            Event renamedA = new Event(a.id(), a.venueId(), "Clay Workshop (moved)", a.category(), a.ageBand(),
                    a.learningLayer(), a.startsAt(), a.endsAt(), 12);
            publishRetained(central, VenueConfig.of(KioskDb.VENUE, 1, start, List.of(c))); // older: ignored
            publishRetained(central, VenueConfig.of(KioskDb.VENUE, 3, start, List.of(renamedA)));
            await().atMost(WAIT).until(() -> appliedVersion(kiosk) == 3);
            assertThat(rows(kiosk)).doesNotContainKey(c.id())
                    .containsEntry(a.id(), "Clay Workshop (moved)|central|3|closed=0")
                    .containsEntry(b.id(), "Story Hour|central|2|closed=1");
        }
    }

    @Test
    void theRetainedSnapshotIsAppliedByAnAgentThatStartsLater(@TempDir Path dir) throws Exception {
        Event a = event("Family Trail");
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                TestClient central = client("central-retained")) {
            publishRetained(central, VenueConfig.of(KioskDb.VENUE, 7, start, List.of(a)));
            try (MqttSyncAgent agent = agent(kiosk, outbox)) {
                await().atMost(WAIT).until(() -> appliedVersion(kiosk) == 7);
                assertThat(rows(kiosk)).containsEntry(a.id(), "Family Trail|central|7|closed=0");
            }
        }
    }

    @Test
    void aStaffRevocationPublishedByCentralReachesTheKiosksStaffTable(@TempDir Path dir) throws Exception {
        UUID ada = UUID.randomUUID();
        Token card = Token.of("5d".repeat(32));
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                TestClient central = client("central-staff");
                MqttSyncAgent agent = agent(kiosk, outbox)) {
            publishRetained(central, VenueConfig.of(KioskDb.VENUE, 2, start, List.of(), new VenueStaff(
                    StaffAuth.CARD_AND_PIN, true, List.of(new StaffMember(ada, "Ada Reyes", VenueStaffRowsTest.HASH, card, null)))));
            await().atMost(WAIT).until(() -> appliedVersion(kiosk) == 2);
            assertThat(VenueStaffRowsTest.staff(kiosk)).containsExactly("Ada Reyes|central|" + card.value() + "|revoked=null|v=2");

            publishRetained(central, VenueConfig.of(KioskDb.VENUE, 3, start, List.of(), new VenueStaff(
                    StaffAuth.CARD_AND_PIN, true, List.of(new StaffMember(ada, "Ada Reyes", VenueStaffRowsTest.HASH, card, start)))));
            await().atMost(WAIT).until(() -> appliedVersion(kiosk) == 3);

            assertThat(VenueStaffRowsTest.staff(kiosk)).containsExactly("Ada Reyes|central|" + card.value() + "|revoked="
                    + KIOSK_TIMES.format(start) + "|v=3");
        }
    }

    @Test
    void aV1SnapshotFromAnOlderCentralIsStillApplied(@TempDir Path dir) throws Exception {
        Event a = event("Older Central's Event");
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                TestClient central = client("central-v1");
                MqttSyncAgent agent = agent(kiosk, outbox)) {
            publishRetained(central, VenueConfig.v1(KioskDb.VENUE, 5, start, List.of(a)));
            await().atMost(WAIT).until(() -> appliedVersion(kiosk) == 5);
            assertThat(rows(kiosk)).containsEntry(a.id(), "Older Central's Event|central|5|closed=0");
        }
    }

    @Test
    void eventsStaffMadeOnTheKioskAreSentUpAndMarkedPublished(@TempDir Path dir) throws Exception {
        Event made = event("Pop-up Drawing Club");
        List<KioskEvents> seen = new CopyOnWriteArrayList<>();
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                TestClient central = client("central-events")) {
            central.paho().setCallback(new MessageCallback((topic, message) -> {
                try {
                    seen.add(codec.decode(message.getPayload(), KioskEvents.class));
                } catch (org.culturecard.core.wire.WireFormatException e) {
                    throw new AssertionError("the agent sent an unreadable KioskEvents", e);
                }
            }));
            central.paho().subscribe(Topics.events(KioskDb.VENUE, KioskDb.KIOSK), 1);
            insertKioskEvent(kiosk, made);
            try (MqttSyncAgent agent = agent(kiosk, outbox)) {
                await().atMost(WAIT).until(() -> published(kiosk, made.id()));
                await().atMost(WAIT).until(() -> !seen.isEmpty());
                assertThat(seen.get(0).kioskId()).isEqualTo(KioskDb.KIOSK);
                assertThat(seen.get(0).events()).containsExactly(made);
                assertThat(seen.get(0).closed()).isEmpty();
                Thread.sleep(1_500); // published once: not sent again on the next round
                assertThat(seen).hasSize(1);
            }
        }
    }

    private MqttSyncAgent agent(KioskDb kiosk, SqliteOutbox outbox) {
        return Agents.started(BROKER.server().uri(), kiosk, outbox);
    }

    private TestClient client(String id) throws Exception {
        MqttClient client = new MqttClient(BROKER.server().uri(), id, new MemoryPersistence());
        client.connect();
        return new TestClient(client);
    }

    private void publishRetained(TestClient client, VenueConfig snapshot) throws Exception {
        MqttMessage message = new MqttMessage(codec.encode(snapshot));
        message.setQos(1);
        message.setRetained(true);
        client.paho().publish(Topics.config(KioskDb.VENUE), message);
    }

    /** Plays central's side; retained snapshots are cleared on close so tests stay independent. */
    private record TestClient(MqttClient paho) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            paho.publish(Topics.config(KioskDb.VENUE), new byte[0], 1, true);
            paho.disconnect();
            paho.close();
        }
    }

    private Event event(String title) {
        return new Event(UUID.randomUUID(), KioskDb.VENUE, title,
                new Category(Sector.LIBRARIES, null, Mode.TAKE_PART), AgeBand.AGE_5_10, null,
                start, start.plus(Duration.ofHours(2)), null);
    }

    private static long appliedVersion(KioskDb kiosk) {
        try (SqliteVenueEvents events = SqliteVenueEvents.open(kiosk.file())) {
            return events.appliedVersion();
        }
    }

    private static Map<UUID, String> rows(KioskDb kiosk) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, title, origin, config_version, closed FROM events");
                ResultSet rows = select.executeQuery()) {
            Map<UUID, String> found = new HashMap<>();
            while (rows.next()) {
                found.put(UUID.fromString(rows.getString(1)), rows.getString(2) + "|" + rows.getString(3) + "|"
                        + rows.getString(4) + "|closed=" + rows.getInt(5));
            }
            return found;
        }
    }

    private static void insertKioskEvent(KioskDb kiosk, Event event) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                PreparedStatement insert = connection.prepareStatement("INSERT INTO events (id, venue_id, title,"
                        + " sector, mode, age_band, starts_at, ends_at, origin, published, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', 0, ?)")) {
            Object[] values = {event.id().toString(), event.venueId().value(), event.title(),
                event.category().sector().code(), event.category().mode().code(), event.ageBand().code(),
                KIOSK_TIMES.format(event.startsAt()), KIOSK_TIMES.format(event.endsAt()),
                KIOSK_TIMES.format(Instant.now())};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private static boolean published(KioskDb kiosk, UUID id) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                PreparedStatement select = connection.prepareStatement("SELECT published FROM events WHERE id = ?")) {
            select.setString(1, id.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }
}
