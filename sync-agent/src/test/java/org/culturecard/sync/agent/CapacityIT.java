package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The disk budget's alerts and the purge of old delivered outbox rows, on a real SQLite file and broker. */
class CapacityIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();

    private final WireCodec codec = new WireCodec();

    @Test
    void outboxRowsDeliveredLongerAgoThanPurgeAfterAreDeletedAndCheckInsKept(@TempDir Path dir) throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            Instant now = Instant.now();
            kiosk.record(6, now.minus(Duration.ofDays(40)));
            kiosk.record(2, now);
            execute(kiosk, "UPDATE outbox SET batch_id = 'b', sent_at = created_at,"
                    + " delivered_at = '" + now.minus(Duration.ofDays(31)) + "' WHERE seq <= 3");
            execute(kiosk, "UPDATE outbox SET batch_id = 'c', sent_at = created_at,"
                    + " delivered_at = '" + now.minus(Duration.ofDays(29)) + "' WHERE seq IN (4, 5)");
            // default purge.after: 30 days; the agent purges when it starts (then once a day)
            SyncConfig config = SyncConfig.of(URI.create(BROKER.server().uri()), KioskDb.KIOSK, KioskDb.VENUE, kiosk.file());
            assertThat(config.purgeAfter()).isEqualTo(Duration.ofDays(30));
            try (MqttSyncAgent agent = new MqttSyncAgent(config, outbox, Clock.systemUTC(), UuidV7.system())) {
                agent.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> count(kiosk, "SELECT count(*) FROM outbox") == 5);
            }
            assertThat(count(kiosk, "SELECT min(seq) FROM outbox")).as("the three old delivered rows went").isEqualTo(4);
            assertThat(count(kiosk, "SELECT count(*) FROM outbox WHERE delivered_at IS NULL"))
                    .as("undelivered rows are never purged, however old").isEqualTo(3);
            assertThat(count(kiosk, "SELECT count(*) FROM check_ins")).as("check-ins stay").isEqualTo(8);
        }
    }

    @Test
    void theDiskBudgetRaisesAlertsAtFiftyAndEightyPercentWithoutDroppingCheckIns(@TempDir Path dir) throws Exception {
        List<KioskStatus> statuses = new CopyOnWriteArrayList<>();
        MqttClient fleet = new MqttClient(BROKER.server().uri(), "fleet-view", new MemoryPersistence());
        fleet.setCallback(new MessageCallback((topic, message) -> { // a fleet view in miniature
            if (message.getPayload().length > 0) {
                statuses.add(codec.decode(message.getPayload(), KioskStatus.class));
            }
        }));
        fleet.connect();
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            fleet.subscribe(Topics.status(KioskDb.VENUE, KioskDb.KIOSK), 1);
            execute(kiosk, "INSERT INTO settings (key, value) VALUES ('" + SettingKey.READER_STATE.name() + "', 'attached')");
            long budget = 8L << 20; // WAL frames make each transaction cost a few KB
            long size = DiskUsage.of(kiosk.file(), budget).usedBytes();
            SyncConfig config = SyncConfig.builder(URI.create(BROKER.server().uri()), KioskDb.KIOSK, KioskDb.VENUE,
                    kiosk.file()).diskBudget(budget).statusInterval(Duration.ofSeconds(1)).build();
            try (MqttSyncAgent agent = new MqttSyncAgent(config, outbox, Clock.systemUTC(), UuidV7.system())) {
                agent.start();
                assertThat(size).as("an empty store is well under half of the budget").isLessThan(budget / 2);
                await().atMost(Duration.ofSeconds(10)).until(() -> agent.status().connected());
                assertThat(agent.status().disk().alert()).isEqualTo(DiskBudget.Alert.NONE);

                int recorded = 0;
                while (DiskUsage.of(kiosk.file(), budget).percent() < 55) {
                    kiosk.record(10, Instant.now());
                    recorded += 10;
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> agent.status().disk().alert() == DiskBudget.Alert.HALF);
                await().atMost(Duration.ofSeconds(15)).until(() -> statuses.stream()
                        .anyMatch(s -> s.versions().getOrDefault("disk-budget", "").startsWith("HALF")));

                while (DiskUsage.of(kiosk.file(), budget).percent() < 85) {
                    kiosk.record(10, Instant.now());
                    recorded += 10;
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> agent.status().disk().alert() == DiskBudget.Alert.HIGH);
                await().atMost(Duration.ofSeconds(15)).until(() -> statuses.stream()
                        .anyMatch(s -> s.versions().getOrDefault("disk-budget", "").startsWith("HIGH")));
                KioskStatus last = statuses.get(statuses.size() - 1);
                assertThat(last.readerState()).as("read from the kiosk's settings row").isEqualTo("attached");
                assertThat(last.freeDiskBytes()).as("free = what is left of the budget").isLessThan(budget / 5);

                while (DiskUsage.of(kiosk.file(), budget).percent() < 100) {
                    kiosk.record(10, Instant.now());
                    recorded += 10;
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> agent.status().disk().alert() == DiskBudget.Alert.OVER);
                assertThat(count(kiosk, "SELECT count(*) FROM check_ins")).as("nothing dropped").isEqualTo(recorded);
                assertThat(count(kiosk, "SELECT count(*) FROM outbox")).isEqualTo(recorded);
            }
        } finally {
            fleet.disconnect();
            fleet.close();
        }
    }

    @Test
    void theAgentsVerdictLandsInTheKioskSettingsAndChangesAtFiftyAndEightyPercent(@TempDir Path dir) throws Exception {
        Instant start = Instant.parse("2030-01-01T09:00:00Z");
        Clock agentClock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            long budget = 4L << 20;
            SyncConfig config = SyncConfig.builder(URI.create(BROKER.server().uri()), KioskDb.KIOSK, KioskDb.VENUE,
                    kiosk.file()).diskBudget(budget).build();
            assertThat(DiskUsage.of(kiosk.file(), budget).percent()).as("an empty store").isLessThan(50);
            try (MqttSyncAgent agent = new MqttSyncAgent(config, outbox, agentClock, UuidV7.system())) {
                agent.start();
                String first = awaitVerdict(kiosk, "alert=NONE ");
                assertThat(first).matches("alert=NONE percent=[0-4]?[0-9] used=[0-9]+ budget=4194304 at=2030-01-01T09:.*");

                while (DiskUsage.of(kiosk.file(), budget).percent() < 55) {
                    kiosk.record(10, Instant.now());
                }
                String half = awaitVerdict(kiosk, "alert=HALF ");
                assertThat(half).matches("alert=HALF percent=(5[0-9]|[67][0-9]) used=[0-9]+ budget=4194304 at=2030-.*");

                while (DiskUsage.of(kiosk.file(), budget).percent() < 85) {
                    kiosk.record(10, Instant.now());
                }
                String high = awaitVerdict(kiosk, "alert=HIGH ");
                assertThat(high).matches("alert=HIGH percent=(8[0-9]|9[0-9]) used=[0-9]+ budget=4194304 at=2030-.*");
                await().atMost(Duration.ofSeconds(10)).until(() -> agent.status().connected()); // and syncing goes on
                assertThat(agent.status().disk().alert()).isEqualTo(DiskBudget.Alert.HIGH);
            }
        }
    }

    /** Waits until the kiosk's settings row starts with {@code prefix}, read on its own connection as the kiosk would. */
    private static String awaitVerdict(KioskDb kiosk, String prefix) {
        String[] seen = new String[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            seen[0] = setting(kiosk, SettingKey.DISK_BUDGET.name());
            return seen[0] != null && seen[0].startsWith(prefix);
        });
        return seen[0];
    }

    private static String setting(KioskDb kiosk, String key) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT value FROM settings WHERE key = '" + key + "'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void execute(KioskDb kiosk, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static long count(KioskDb kiosk, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
