package org.culturecard.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.kioskdb.KioskDb.Role;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.core.wire.golden.GoldenFiles;
import org.culturecard.core.wire.golden.WireGoldens;
import org.culturecard.core.wire.golden.WireGoldens.Future;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.sync.venue.SqliteVenueEvents;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync agent itself, through a real Mosquitto into a real kiosk SQLite file, writes exactly the
 * bytes of core's golden files (ADR 0023) and reads what a later central sends, fields it does not
 * know included (ADR 0024). The agent's clock and ids are fixed to the golden messages' values; the
 * test plays central. Values only the machine decides (free disk, the Java version) are the one
 * thing not compared byte for byte, in the online status.
 */
class AgentWireGoldenIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALERTS = Arrays.stream(DiskBudget.Alert.values()).map(Enum::name)
            .collect(Collectors.joining("|"));

    @TempDir
    Path dir;
    private final WireCodec codec = new WireCodec();
    private final Map<String, List<byte[]>> received = new ConcurrentHashMap<>();
    private MqttClient central;

    @BeforeEach
    void connectCentral() throws Exception {
        central = new MqttClient(BROKER.server().uri(), "golden-central", new MemoryPersistence());
        central.setCallback(new MessageCallback((topic, message) -> {
            if (message.getPayload().length > 0) {
                received.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(message.getPayload());
            }
        }));
        central.connect();
        central.subscribe(new String[] {checkins(), events(), status()}, new int[] {1, 1, 1});
    }

    /** Clears what this test left retained on the broker, so the next one starts clean. */
    @AfterEach
    void clearRetained() throws Exception {
        central.publish(status(), new byte[0], 1, true);
        central.publish(Topics.config(WireGoldens.MUSEUM), new byte[0], 1, true);
        central.disconnect();
        central.close();
    }

    @Test
    void sendsTheGoldenCheckInBatchAndTheAckOfALaterCentralDeliversIt() throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            for (CheckIn checkIn : WireGoldens.checkIns()) {
                kiosk.record(checkIn, checkIn.tappedAt());
            }
            try (MqttSyncAgent agent = agent(kiosk, outbox, WireGoldens.NOW.plusSeconds(5),
                    WireGoldens.uuid7("0002"), WireGoldens.uuid7("0001"))) {
                byte[] sent = await().atMost(WAIT).until(() -> first(checkins()), Optional::isPresent).get();

                GoldenFiles.assertMatches("checkin-batch.v1.json", sent);

                Future laterAck = WireGoldens.futuresOf(BatchAck.class).findFirst().orElseThrow();
                central.publish(Topics.acks(WireGoldens.MUSEUM, WireGoldens.KIOSK), laterAck.bytes(), 1, false);
                await().atMost(WAIT).until(() -> kiosk.deliveredCount() == WireGoldens.checkIns().size());
            }
        }
    }

    @Test
    void sendsTheEventsStaffMadeAndItsOfflineStatusAsTheGoldenBytes() throws Exception {
        Event made = WireGoldens.danceLab();
        Event closed = new Event(WireGoldens.uuid7("0021"), made.venueId(), "Closed on the kiosk", made.category(),
                made.ageBand(), made.learningLayer(), made.startsAt(), made.endsAt(), made.capacity());
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            insertKioskEvent(kiosk, made, false);
            insertKioskEvent(kiosk, closed, true);
            MqttSyncAgent agent = agent(kiosk, outbox, WireGoldens.NOW);
            try {
                byte[] sent = await().atMost(WAIT).until(() -> first(events()), Optional::isPresent).get();

                GoldenFiles.assertMatches("kiosk-events.v1.json", sent);
            } finally {
                agent.close();
            }
            byte[] goodbye = await().atMost(WAIT).until(() -> status(KioskStatus.OFFLINE), Optional::isPresent).get();
            GoldenFiles.assertMatches("kiosk-status.v1.offline.json", goodbye);
        }
    }

    @Test
    void itsOnlineStatusIsTheGoldenOneButForTheFreeDiskAndTheVersionsTheMachineDecides() throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            kiosk.record(7, WireGoldens.NOW.minusSeconds(95));
            try (org.culturecard.kioskdb.KioskDb db = org.culturecard.kioskdb.KioskDb.open(kiosk.file(), Role.KIOSK)) {
                db.write("the reader state", tables -> {
                    tables.settings().put(SettingKey.READER_STATE, "card-present");
                    return null;
                });
            }
            try (MqttSyncAgent agent = agent(kiosk, outbox, WireGoldens.NOW)) {
                byte[] sent = await().atMost(WAIT).until(() -> status(KioskStatus.ONLINE), Optional::isPresent).get();

                String golden = GoldenFiles.text(GoldenFiles.read("kiosk-status.v1.json"));
                assertThat(machineValuesBlanked(GoldenFiles.text(sent))).isEqualTo(machineValuesBlanked(golden));
                assertThat(GoldenFiles.text(sent)).matches(".*\"freeDiskBytes\":[0-9]+,.*")
                        .matches(".*\"versions\":\\{\"disk-budget\":\"(" + ALERTS + ") [0-9]+%\",.*");
            }
        }
    }

    @Test
    void appliesTheVenueConfigsOfALaterCentral() throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                SqliteVenueEvents applied = SqliteVenueEvents.open(kiosk.file());
                MqttSyncAgent agent = agent(kiosk, outbox, WireGoldens.NOW)) {
            for (Future later : WireGoldens.futuresOf(VenueConfig.class).toList()) {
                VenueConfig expected = (VenueConfig) later.original().message();
                central.publish(Topics.config(WireGoldens.MUSEUM), later.bytes(), 1, true);

                await().atMost(WAIT).until(() -> applied.appliedVersion() == expected.version());
                assertThat(kiosk.setting(SettingKey.STAFF_AUTH.name())).as(later.file())
                        .isEqualTo(expected.staffPart().isPresent() ? "card-and-pin" : null);
            }
        }
    }

    private MqttSyncAgent agent(KioskDb kiosk, SqliteOutbox outbox, Instant now, UUID... firstIds) {
        SyncConfig config = SyncConfig.builder(URI.create(BROKER.server().uri()), WireGoldens.KIOSK, WireGoldens.MUSEUM,
                kiosk.file()).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
        MqttSyncAgent agent = new MqttSyncAgent(config, outbox, Clock.fixed(now, ZoneOffset.UTC), ids(firstIds));
        agent.start();
        return agent;
    }

    /** {@code first} in order (the agent takes its boot id, then each batch id), then fresh ones. */
    private static Supplier<UUID> ids(UUID... first) {
        Queue<UUID> queue = new ConcurrentLinkedQueue<>(List.of(first));
        UuidV7 rest = UuidV7.system();
        return () -> Optional.ofNullable(queue.poll()).orElseGet(rest::get);
    }

    private Optional<byte[]> first(String topic) {
        return received.getOrDefault(topic, List.of()).stream().findFirst();
    }

    /** The first status message in {@code state} the agent published. */
    private Optional<byte[]> status(String state) {
        return received.getOrDefault(status(), List.of()).stream().filter(payload -> {
            try {
                return codec.decode(payload, KioskStatus.class).state().equals(state);
            } catch (WireFormatException e) {
                throw new AssertionError("the agent sent an unreadable status", e);
            }
        }).findFirst();
    }

    /** The status with its free disk bytes zeroed and its versions' values emptied (their keys and order stay). */
    private static String machineValuesBlanked(String status) {
        int versions = status.indexOf("\"versions\":");
        return status.substring(0, versions).replaceAll("\"freeDiskBytes\":[0-9]+", "\"freeDiskBytes\":0")
                + status.substring(versions).replaceAll(":\"[^\"]*\"", ":\"\"");
    }

    /** An event staff made on the kiosk, not yet sent up, written through kiosk-db as the kiosk writes it. */
    private static void insertKioskEvent(KioskDb kiosk, Event event, boolean closed) {
        try (org.culturecard.kioskdb.KioskDb db = org.culturecard.kioskdb.KioskDb.open(kiosk.file(), Role.KIOSK)) {
            db.write("a kiosk-made event", tables -> {
                tables.events().saveKioskMade(event, WireGoldens.NOW);
                if (closed) {
                    tables.events().close(event.id(), WireGoldens.NOW);
                }
                return null;
            });
        }
    }

    private static String checkins() {
        return Topics.checkins(WireGoldens.MUSEUM, WireGoldens.KIOSK);
    }

    private static String events() {
        return Topics.events(WireGoldens.MUSEUM, WireGoldens.KIOSK);
    }

    private static String status() {
        return Topics.status(WireGoldens.MUSEUM, WireGoldens.KIOSK);
    }
}
