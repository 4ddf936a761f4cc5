package org.culturecard.central.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.RecognitionSettings;
import org.culturecard.central.recognition.AchievementBook;
import org.culturecard.central.recognition.Recognition;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.culturecard.testsupport.server.LocalProcesses;

/**
 * Recognition's two figures (issue 14, item 7). {@code ingest}: ingest through a real Mosquitto into
 * PostgreSQL (fsync on), one worker, with no achievements and with 50 defined (the evaluator running
 * every second), rounds interleaved, each on a fresh database; also how long the evaluator needs after
 * the last commit to catch up. Args: ingest batches records people rounds (default 2000 50 20000 2).
 * {@code backfill}: {@link ReportBenchmark#generate} check-ins, then the backfill of one new
 * achievement (5 distinct venues) over them. Args: backfill rows people batch (default 1000000 50000 1000).
 */
public final class RecognitionBenchmark {

    private static final int KIOSKS = 8;

    private RecognitionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "ingest";
        Path file = Files.createTempFile("achievements", ".json");
        Files.writeString(file, fifty(), StandardCharsets.UTF_8);
        try (PostgresServer db = PostgresServer.create(LocalProcesses.freeLoopbackPort(), "fsync=on", "synchronous_commit=on")
                .start()) {
            if ("backfill".equals(mode)) {
                backfill(db, file, arg(args, 1, 1_000_000), (int) arg(args, 2, 50_000), (int) arg(args, 3, 1_000));
            } else {
                try (MosquittoServer broker = MosquittoServer.create().start()) {
                    int rounds = (int) arg(args, 4, 2);
                    for (int round = 1; round <= rounds; round++) {
                        for (boolean defined : List.of(false, true)) {
                            ingest(broker, db, defined ? file : null, round, (int) arg(args, 1, 2_000), (int) arg(args, 2, 50),
                                    (int) arg(args, 3, 20_000));
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long arg(String[] args, int i, long fallback) {
        return args.length > i ? Long.parseLong(args[i]) : fallback;
    }

    /** 50 achievements of every kind over the generated venues and sectors. */
    static String fifty() {
        String[] sectors = {"arts", "museums-galleries", "libraries", "archives", "heritage", "other-learning"};
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String rule = switch (i % 7) {
                case 0 -> "{\"type\": \"count\", \"count\": " + (1 + i % 10) + "}";
                case 1 -> "{\"type\": \"count\", \"count\": " + (1 + i % 5) + ", \"where\": {\"sector\": [\"" + sectors[i % 6]
                        + "\"], \"mode\": [\"attend\"]}}";
                case 2 -> "{\"type\": \"distinct-venues\", \"count\": " + (2 + i % 4) + "}";
                case 3 -> "{\"type\": \"breadth\", \"count\": " + (2 + i % 3) + "}";
                case 4 -> "{\"type\": \"streak\", \"count\": " + (2 + i % 3) + ", \"unit\": \"" + (i % 2 == 0 ? "iso-week" : "month")
                        + "\"}";
                case 5 -> "{\"type\": \"first-visit\", \"sector\": \"" + sectors[i % 6] + "\"}";
                default -> "{\"type\": \"any-of\", \"count\": 2, \"of\": [\"a" + (i - 6) + "\", \"a" + (i - 5) + "\", \"a" + (i - 4)
                        + "\"]}";
            };
            items.add("{\"id\": \"a" + i + "\", \"version\": 1, \"name\": \"Achievement " + i + "\", \"description\": \"d\","
                    + " \"criteria\": \"c\", \"image\": \"badges/a" + i + ".png\", \"issuer\": \"Benchmark\", \"rule\": " + rule + "}");
        }
        items.add("{\"id\": \"new-wanderer\", \"version\": 1, \"name\": \"Wanderer\", \"description\": \"d\", \"criteria\": \"c\","
                + " \"image\": \"badges/w.png\", \"issuer\": \"Benchmark\", \"rule\": {\"type\": \"distinct-venues\", \"count\": 5}}");
        return "{\"achievements\": [" + String.join(",\n", items) + "], \"pathways\": []}";
    }

    private static void ingest(MosquittoServer broker, PostgresServer db, Path file, int round, int batches, int records,
            int people) throws Exception {
        String url = db.createDatabase("bench_recognition_" + round + (file == null ? "_none" : "_fifty"));
        CentralConfig config = new CentralConfig(url, db.user(), db.password(), broker.uri(), "bench-rec", 1, "127.0.0.1", 0,
                new CentralConfig.ApiTokens(Set.of(), Set.of())).with(b -> b.recognition(new RecognitionSettings(file, 1)));
        WireCodec codec = new WireCodec();
        Random random = new Random(round);
        UuidV7 ids = new UuidV7(Clock.systemUTC(), random);
        List<Token> tokens = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            tokens.add(Token.of(HexFormat.of().formatHex(bytes)));
        }
        List<List<byte[]>> payloads = new ArrayList<>();
        for (int k = 0; k < KIOSKS; k++) {
            payloads.add(new ArrayList<>());
        }
        Instant now = Instant.now();
        long seq = 0;
        for (int i = 0; i < batches; i++) {
            int k = i % KIOSKS;
            List<CheckIn> taps = new ArrayList<>();
            for (int r = 0; r < records; r++) {
                taps.add(new CheckIn(ids.get(), ++seq, tokens.get(random.nextInt(people)), null, VenueId.of("v" + k),
                        KioskId.of("k" + k), now.minusSeconds(random.nextInt(90 * 86_400)), true, CardKind.MIFARE_CLASSIC_1K,
                        "0.1.0"));
            }
            payloads.get(k).add(codec.encode(CheckInBatch.of(ids.get(), KioskId.of("k" + k), VenueId.of("v" + k), ids.get(),
                    now, taps)));
        }
        long expected = (long) batches * records;
        try (Central central = Central.start(config, Clock.systemUTC())) {
            for (int k = 0; k < KIOSKS; k++) {
                TestBatches.register(central.store(), "v" + k, "k" + k);
            }
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < KIOSKS; k++) {
                int kiosk = k;
                Thread thread = new Thread(() -> IngestBenchmark.publishAll(broker.uri(), "bench-rec-" + round + "-" + kiosk + (file == null ? "n" : "f"),
                        Topics.checkins(VenueId.of("v" + kiosk), KioskId.of("k" + kiosk)), payloads.get(kiosk)));
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
                while (count(c, "SELECT count(*) FROM check_ins") < expected) {
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long settled = System.nanoTime();
                while (file != null && count(c, "SELECT count(*) FROM recognition_dirty") > 0) {
                    Thread.sleep(100);
                }
                System.out.printf(Locale.ROOT, "ingest round=%d achievements=%s check-ins=%d people=%d total=%.2fs rate=%.0f check-ins/s"
                        + " evaluator-catch-up=%.1fs awards=%d%n", round, file == null ? "none" : "50", expected, people, seconds,
                        expected / seconds, (System.nanoTime() - settled) / 1e9, count(c, "SELECT count(*) FROM awards"));
            }
        }
    }

    private static void backfill(PostgresServer db, Path file, long rows, int people, int batch) throws Exception {
        String url = db.createDatabase("bench_backfill");
        try (PostgresCheckInStore store = PostgresCheckInStore.open(url, db.user(), db.password(), 4, Clock.systemUTC())) {
            long loadStarted = System.nanoTime();
            ReportBenchmark.generate(url, db, rows, people);
            System.out.printf(Locale.ROOT, "generated %d check-ins of %d people in %.1fs%n", rows, people,
                    (System.nanoTime() - loadStarted) / 1e9);
            Recognition recognition = new Recognition(store.dataSource(), AchievementBook.load(file), Clock.systemUTC());
            long started = System.nanoTime();
            Recognition.Backfill done = recognition.backfill("new-wanderer", batch, persons -> { });
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "backfill of one achievement: %d check-ins, %d persons, %d awards in %.1fs"
                    + " (%.0f check-ins/s; 10,000,000 check-ins at this rate: %.0fs)%n", rows, done.persons(), done.awards(),
                    seconds, rows / seconds, 10_000_000 / (rows / seconds));
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
