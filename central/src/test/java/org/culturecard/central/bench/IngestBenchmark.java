package org.culturecard.central.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.central.WindowedPublisher;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.culturecard.testsupport.server.LocalProcesses;

/**
 * Ingest throughput through a real Mosquitto into a real PostgreSQL (fsync on), with 1 and then 2
 * workers on the shared subscription: {@code KIOSKS} simulated kiosks publish pre-encoded batches
 * at QoS 1 (90 in flight each); the clock runs from the first publish until every check-in is
 * committed. Args: batches (default 4000), records per batch (default 50), kiosks (default 8).
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int kiosks = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        try (MosquittoServer broker = MosquittoServer.create().start();
             PostgresServer db = PostgresServer.create(LocalProcesses.freeLoopbackPort(), "fsync=on", "synchronous_commit=on").start()) {
            for (int workers = 1; workers <= 2; workers++) {
                run(broker, db, workers, batches, records, kiosks);
            }
        }
    }

    private static void run(MosquittoServer broker, PostgresServer db, int workers, int batches, int records, int kiosks)
            throws Exception {
        String url = db.createDatabase("bench_ingest_" + workers);
        CentralConfig config = new CentralConfig(url, db.user(), db.password(), broker.uri(), "bench", workers,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(), Set.of()));
        WireCodec codec = new WireCodec();
        TestBatches source = new TestBatches(workers);
        List<List<byte[]>> payloads = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (int k = 0; k < kiosks; k++) {
            payloads.add(new ArrayList<>());
            CheckInBatch first = source.batch("bench", "k" + k, 1);
            topics.add(Topics.checkins(first.venueId(), first.kioskId()));
        }
        for (int i = 0; i < batches; i++) {
            payloads.get(i % kiosks).add(codec.encode(source.batch("bench", "k" + (i % kiosks), records)));
        }
        long expected = (long) batches * records;
        try (Central central = Central.start(config, Clock.systemUTC())) {
            for (int k = 0; k < kiosks; k++) {
                TestBatches.register(central.store(), "bench", "k" + k);
            }
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < kiosks; k++) {
                int kiosk = k;
                Thread thread = new Thread(() -> publishAll(broker.uri(), "bench-kiosk-" + workers + "-" + kiosk,
                        topics.get(kiosk), payloads.get(kiosk)));
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long published = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
                while (count(c) < expected) {
                    Thread.sleep(20);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "ingest workers=%d batches=%d records/batch=%d kiosks=%d check-ins=%d"
                    + " publish=%.2fs total=%.2fs rate=%.0f check-ins/s (%.0f batches/s)%n", workers, batches, records, kiosks,
                    expected, (published - started) / 1e9, seconds, expected / seconds, batches / seconds);
        }
    }

    /** Publishes every payload at QoS 1 with 90 in flight, then waits for the last PUBACK (also RecognitionBenchmark's). */
    static void publishAll(String uri, String clientId, String topic, List<byte[]> payloads) {
        try (WindowedPublisher publisher = new WindowedPublisher(uri, clientId, 90)) {
            for (byte[] payload : payloads) {
                publisher.publish(topic, payload);
            }
            publisher.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM check_ins")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
