package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.WindowedPublisher;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Nothing a kiosk sends can stop a worker: 10,000 random and mutated payloads, then a valid batch. */
class IngestFuzzIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final int MESSAGES = 10_000;
    /** PUBACKs outstanding at once; below Mosquitto's receive maximum of 100. */
    private static final int WINDOW = 90;
    private static final Logger LOG = LoggerFactory.getLogger(IngestFuzzIT.class);
    private static final String TOPIC = "culturecard/v1/v3/k1/up/checkins";
    private static Central central;

    @BeforeAll
    static void startCentral() {
        CentralConfig config = new CentralConfig(DB.server().jdbcUrl(), DB.server().user(), "", BROKER.server().uri(),
                "fuzz-it", 1, "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(), Set.of()));
        central = Central.start(config, TestBatches.CLOCK);
        TestBatches.register(central.store(), "v3", "k1");
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    @Test
    void survivesTenThousandRandomAndMutatedPayloadsThenStoresAValidBatch() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        WireCodec codec = new WireCodec();
        TestBatches batches = new TestBatches(seed);
        long started = System.nanoTime();
        try (KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "fuzzer");
             WindowedPublisher fuzzer = new WindowedPublisher(BROKER.server().uri(), "fuzzer-async", WINDOW)) {
            for (int i = 0; i < MESSAGES; i++) {
                byte[] template = codec.encode(batches.batch("v3", "k1", 1 + random.nextInt(3)));
                fuzzer.publish(TOPIC, mutate(template, random));
            }
            fuzzer.flush();
            LOG.info("published {} fuzz payloads in {} ms", MESSAGES, (System.nanoTime() - started) / 1_000_000);
            CheckInBatch valid = batches.batch("v3", "k1", 2);
            kiosk.publish(valid);

            await("the valid batch after the fuzz (seed " + seed + ")").atMost(Duration.ofMinutes(3))
                    .until(() -> kiosk.firstAck(valid.batchId()).isPresent());
            assertThat(kiosk.firstAck(valid.batchId()).orElseThrow().ack().inserted()).isEqualTo(2);
            LOG.info("fuzz and valid batch handled in {} ms", (System.nanoTime() - started) / 1_000_000);
            // The valid batch comes from another client than the fuzz, and MQTT orders messages per client only:
            // its ack may overtake fuzz payloads still queued at the broker, so wait for the count to arrive.
            await("every fuzz payload handled (seed " + seed + ")").atMost(Duration.ofMinutes(1)).until(() -> {
                IngestStats handled = central.ingestStats();
                return handled.batchesStored() + handled.deadLetters() >= MESSAGES + 1;
            });
            IngestStats stats = central.ingestStats();
            assertThat(stats.batchesStored() + stats.deadLetters()).as("every message stored or dead-lettered, seed " + seed)
                    .isEqualTo(MESSAGES + 1);
            assertThat(stats.deadLetters()).isGreaterThan(MESSAGES / 2);
        }
    }

    private static byte[] mutate(byte[] json, Random random) {
        switch (random.nextInt(7)) {
            case 0:
                byte[] noise = new byte[random.nextInt(2048)];
                random.nextBytes(noise);
                return noise;
            case 1:
                return Arrays.copyOf(json, random.nextInt(json.length));
            case 2: {
                byte[] flipped = json.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                return flipped;
            }
            case 3: {
                String text = new String(json, StandardCharsets.UTF_8);
                String[] swaps = {"\"k1\"", "\"v3\"", "\"MIFARE_CLASSIC_1K\"", "true", "\"0.1.0\"", "2026-"};
                String[] with = {"\"K 1\"", "null", "\"EVIL\"", "\"yes\"", "\"\\u0000\"", "1999-"};
                int pick = random.nextInt(swaps.length);
                return text.replaceFirst(java.util.regex.Pattern.quote(swaps[pick]), java.util.regex.Matcher.quoteReplacement(with[pick]))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 4:
                return ("[".repeat(random.nextInt(100)) + "{}").getBytes(StandardCharsets.UTF_8);
            case 5: {
                String text = new String(json, StandardCharsets.UTF_8);
                return text.replace("\"records\":[", "\"records\":[" + "{},".repeat(random.nextInt(3))).getBytes(StandardCharsets.UTF_8);
            }
            default:
                byte[] big = new byte[CheckInBatch.MAX_BYTES + 1 + random.nextInt(1000)];
                Arrays.fill(big, (byte) ' ');
                System.arraycopy(json, 0, big, 0, json.length);
                return big;
        }
    }
}
