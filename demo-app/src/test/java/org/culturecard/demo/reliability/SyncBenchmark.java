package org.culturecard.demo.reliability;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.culturecard.central.Central;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.store.PendingCheckIn;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The sync path's figures, measured in one run on one tuned Mosquitto and one PostgreSQL:
 * <ol>
 *   <li>drain: a backlog of N check-ins recorded by the kiosk's own store, from SQLite through the
 *       agent, Mosquitto and central into PostgreSQL (goal at least 5,000 check-ins/s end to end);</li>
 *   <li>raw: the broker's QoS 1 rate for 300-byte messages, one Paho publisher (memory persistence,
 *       window of 100) and one subscriber, as the ceiling the drain is compared with;</li>
 *   <li>idle: the agent as its own process ({@code SyncAgentMain}, default config), connected with
 *       nothing to send: its CPU time (utime + stime from {@code /proc/<pid>/stat}) over {@code idleSeconds};</li>
 *   <li>latency: taps at 10 a second, from the kiosk's commit to PostgreSQL's commit of the row
 *       (seen through LISTEN/NOTIFY, which PostgreSQL delivers only on commit); p50 and p99 (goal p99 at or
 *       under 25 ms), through that same agent process.</li>
 * </ol>
 * Usage: {@code SyncBenchmark [drainCheckIns=100000] [rawMessages=100000] [latencySeconds=30] [idleSeconds=60]}.
 * The agent process runs on this JVM's class path: to compare builds, run the benchmark on each.
 */
public final class SyncBenchmark {
    private static final VenueId VENUE = VenueId.of("bench-venue");
    private static final KioskId KIOSK = KioskId.of("bench-kiosk-1");
    private static final int RAW_PAYLOAD_BYTES = 300;
    private static final int RAW_WINDOW = 100;

    private final Clock clock = Clock.systemUTC();
    private final UuidV7 ids = UuidV7.system();
    private final SecureRandom random = new SecureRandom();

    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        int drain = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int raw = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int latencySeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int idleSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        new SyncBenchmark().run(drain, raw, latencySeconds, idleSeconds);
    }

    private void run(int drain, int raw, int latencySeconds, int idleSeconds) throws Exception {
        Path dir = Files.createTempDirectory("sync-bench-");
        try (MosquittoServer broker = Tuned.broker().build().start();
                PostgresServer postgres = PostgresServer.create().start()) {
            String jdbcUrl = postgres.createDatabase("sync_bench");
            System.out.printf(Locale.ROOT, "SyncBenchmark: %d cores, Java %s, mosquitto inflight 100 / queue 100000, "
                    + "PostgreSQL fsync on%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            double rawRate = raw(broker, raw);
            System.out.printf(Locale.ROOT, "raw mosquitto QoS 1, %d-byte messages: %d messages, %.0f msg/s%n",
                    RAW_PAYLOAD_BYTES, raw, rawRate);
            try (Central central = Central.start(centralConfig(jdbcUrl, broker, postgres), clock);
                    SqliteKioskStore store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock)) {
                central.store().registerKiosk(KIOSK, VENUE, null); // provisioning's registry
                drain(store, dir.resolve("kiosk.db"), broker, jdbcUrl, postgres, drain);
                Path agentLog = dir.resolve("sync-agent.log");
                try (AgentProcess agent = AgentProcess.start(AgentProcess.writeConfig(agentConfig(dir.resolve("kiosk.db"), broker),
                        dir), agentLog)) {
                    awaitConnected(agent, agentLog);
                    double cpuBefore = agent.cpuSeconds();
                    Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
                    double cpuSeconds = agent.cpuSeconds() - cpuBefore;
                    System.out.printf(Locale.ROOT, "agent process idle (connected, nothing to send): %.2f s CPU in %d s"
                            + " (%.2f %% of one core)%n", cpuSeconds, idleSeconds, 100 * cpuSeconds / idleSeconds);
                    latency(store, jdbcUrl, postgres, latencySeconds);
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    // ---- 1. drain ----

    private void drain(SqliteKioskStore store, Path database, MosquittoServer broker, String jdbcUrl,
            PostgresServer postgres, int count) throws Exception {
        long recordStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            tap(store);
        }
        double recordSeconds = seconds(System.nanoTime() - recordStart);
        System.out.printf(Locale.ROOT, "recorded a backlog of %d check-ins with the kiosk store in %.1f s (%.0f/s)%n",
                count, recordSeconds, count / recordSeconds);
        long start = System.nanoTime();
        try (SqliteOutbox outbox = SqliteOutbox.open(database);
                MqttSyncAgent agent = new MqttSyncAgent(agentConfig(database, broker), outbox, clock, ids)) {
            agent.start();
            long stored = 0;
            while (stored < count) {
                Thread.sleep(50);
                stored = centralCount(jdbcUrl, postgres);
            }
            double storedSeconds = seconds(System.nanoTime() - start);
            while (agent.status().backlog() > 0) {
                Thread.sleep(20);
            }
            double ackedSeconds = seconds(System.nanoTime() - start);
            System.out.printf(Locale.ROOT, "drain: %d check-ins SQLite -> Mosquitto -> PostgreSQL in %.2f s = %.0f check-ins/s"
                    + " (all acked back in %.2f s = %.0f/s) [goal >= 5000/s]%n",
                    count, storedSeconds, count / storedSeconds, ackedSeconds, count / ackedSeconds);
        }
    }

    // ---- 2. raw broker rate ----

    private double raw(MosquittoServer broker, int count) throws Exception {
        String topic = "bench/raw";
        CountDownLatch received = new CountDownLatch(count);
        MqttClient subscriber = new MqttClient(broker.uri(), "bench-raw-sub", new MemoryPersistence());
        subscriber.setCallback(new MessageCallback((arrivedOn, message) -> received.countDown()));
        MqttConnectionOptions subscriberOptions = new MqttConnectionOptions();
        subscriberOptions.setReceiveMaximum(RAW_WINDOW);
        subscriber.connect(subscriberOptions);
        subscriber.subscribe(topic, 1);
        MqttAsyncClient publisher = new MqttAsyncClient(broker.uri(), "bench-raw-pub", new MemoryPersistence());
        publisher.connect().waitForCompletion(10_000);
        byte[] payload = new byte[RAW_PAYLOAD_BYTES];
        random.nextBytes(payload);
        Semaphore window = new Semaphore(RAW_WINDOW);
        AtomicInteger failures = new AtomicInteger();
        MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                failures.incrementAndGet();
                window.release();
            }
        };
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            window.acquire();
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            publisher.publish(topic, message, null, release);
        }
        if (!received.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("raw: only " + (count - received.getCount()) + " of " + count + " arrived");
        }
        double rate = count / seconds(System.nanoTime() - start);
        publisher.disconnect().waitForCompletion(5_000);
        publisher.close();
        subscriber.disconnect();
        subscriber.close();
        if (failures.get() > 0) {
            System.out.println("raw: " + failures.get() + " publishes failed");
        }
        return rate;
    }

    // ---- 3. online latency ----

    private void latency(SqliteKioskStore store, String jdbcUrl, PostgresServer postgres, int seconds) throws Exception {
        Map<UUID, Long> tappedAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        try (Connection listen = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password())) {
            try (Statement setup = listen.createStatement()) {
                setup.execute("CREATE OR REPLACE FUNCTION bench_notify() RETURNS trigger AS $$"
                        + " BEGIN PERFORM pg_notify('bench_checkin', NEW.id::text); RETURN NEW; END $$ LANGUAGE plpgsql");
                setup.execute("CREATE TRIGGER bench_notify AFTER INSERT ON check_ins FOR EACH ROW EXECUTE FUNCTION bench_notify()");
                setup.execute("LISTEN bench_checkin");
            }
            PGConnection notifications = listen.unwrap(PGConnection.class);
            int taps = seconds * 10;
            long next = System.nanoTime();
            long deadline = next + TimeUnit.SECONDS.toNanos(seconds + 10L);
            int tapped = 0;
            while (latencies.size() < taps && System.nanoTime() < deadline) {
                if (tapped < taps && System.nanoTime() >= next) {
                    UUID id = tap(store);
                    tappedAt.put(id, System.nanoTime());
                    tapped++;
                    next += TimeUnit.MILLISECONDS.toNanos(100);
                }
                long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime()));
                PGNotification[] arrived = notifications.getNotifications((int) Math.min(waitMillis, 100));
                long now = System.nanoTime();
                if (arrived != null) {
                    for (PGNotification notification : arrived) {
                        Long at = tappedAt.remove(UUID.fromString(notification.getParameter()));
                        if (at != null) {
                            latencies.add(now - at);
                        }
                    }
                }
            }
        }
        latencies.sort(Long::compare);
        if (latencies.isEmpty()) {
            System.out.println("latency: no samples");
            return;
        }
        System.out.printf(Locale.ROOT, "latency tap recorded -> row committed in PostgreSQL, 10 taps/s, %d samples:"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms [goal p99 <= 25 ms]%n", latencies.size(),
                millis(percentile(latencies, 50)), millis(percentile(latencies, 99)),
                millis(latencies.get(latencies.size() - 1)));
    }

    // ---- plumbing ----

    /** Waits until the agent process logs its connection, then a second more for its start-up work to settle. */
    private static void awaitConnected(AgentProcess agent, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(log) || !Files.readString(log).contains("connected to ")) {
            if (!agent.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the agent process did not connect; its log:\n"
                        + (Files.exists(log) ? Files.readString(log) : "(none)"));
            }
            Thread.sleep(50);
        }
        // Not a test wait: a benchmark's settling time, so that the agent's start-up (subscriptions, the retained
        // venue config and filter) is over before its idle CPU and latency are measured.
        Thread.sleep(1000);
    }

    private UUID tap(SqliteKioskStore store) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        CheckIn checkIn = store.recordCheckIn(new PendingCheckIn(ids.get(), Token.of(HexFormat.of().formatHex(token)),
                null, VENUE, KIOSK, clock.instant(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), true,
                CardKind.MIFARE_CLASSIC_1K, "0.1.0-bench")).orElseThrow();
        return checkIn.id();
    }

    private static SyncConfig agentConfig(Path database, MosquittoServer broker) {
        return SyncConfig.builder(URI.create(broker.uri()), KIOSK, VENUE, database)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).build();
    }

    private static CentralConfig centralConfig(String jdbcUrl, MosquittoServer broker, PostgresServer postgres) {
        Properties p = new Properties();
        p.setProperty(CentralConfig.JDBC_URL, jdbcUrl);
        p.setProperty(CentralConfig.DB_USER, postgres.user());
        p.setProperty(CentralConfig.DB_PASSWORD, postgres.password());
        p.setProperty(CentralConfig.MQTT_URI, broker.uri());
        p.setProperty(CentralConfig.CLIENT_ID_PREFIX, "central-bench");
        p.setProperty(CentralConfig.WORKERS, "2");
        p.setProperty(CentralConfig.HTTP_HOST, "127.0.0.1");
        p.setProperty(CentralConfig.HTTP_PORT, "0");
        p.setProperty(CentralConfig.READ_TOKENS, "bench-read-token-0123456789");
        return CentralConfig.fromProperties(p, Map.of());
    }

    private static long centralCount(String jdbcUrl, PostgresServer postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM check_ins")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
