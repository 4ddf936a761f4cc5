package org.culturecard.central.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.store.PostgresEnrolledTokens;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterChunkCollector;
import org.culturecard.core.wire.FilterChunks;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enrolled-card filter end to end on real components: enrolments through a real Mosquitto into
 * a real central on a real PostgreSQL, and a kiosk-like subscriber that gathers the retained chunks
 * with {@link FilterChunkCollector} into a filter that holds the enrolled tokens and not strangers';
 * an undo republishes a smaller filter; a second process does not get the publisher lock.
 */
class FilterPublishIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WireCodec CODEC = new WireCodec();
    private static final Instant NOW = TestBatches.NOW;
    private static final LocalDate UNTIL = LocalDate.of(2028, 3, 31);
    private static Central central;
    private static KioskSimulator kiosks;
    private final UuidV7 ids = new UuidV7(TestBatches.CLOCK, new Random());
    private final Random random = new Random();

    @BeforeAll
    static void startCentral() throws Exception {
        String jdbcUrl = DB.server().createDatabase("central_filter");
        CentralConfig config = new CentralConfig(jdbcUrl, DB.server().user(), "", BROKER.server().uri(), "filter-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of("read-token-0123456789"), Set.of()))
                .with(b -> b.filterPublishSeconds(1));
        central = Central.start(config, TestBatches.CLOCK);
        TestBatches.register(central.store(), "library-y", "kiosk-b");
        kiosks = new KioskSimulator(BROKER.server().uri(), "filter-kiosks");
    }

    @AfterAll
    static void stopCentral() throws Exception {
        if (kiosks != null) {
            kiosks.close();
        }
        if (central != null) {
            central.close();
        }
    }

    @Test
    void enrolledTokensReachASubscribingKioskAndAnUndoRepublishesWithoutThem() throws Exception {
        Enrolment first = Enrolment.enrol(ids.get(), token(), token(), null, UNTIL, NOW.minusSeconds(900), null);
        Enrolment second = Enrolment.enrol(ids.get(), token(), token(), null, UNTIL, NOW.minusSeconds(600), null);
        Enrolment expired = Enrolment.enrol(ids.get(), token(), token(), null, LocalDate.of(2026, 3, 1),
                NOW.minusSeconds(300), null);
        send(batch(first, second, expired));

        try (RecordingMqttClient kiosk = RecordingMqttClient.connect(BROKER.server().uri(), Topics.filterChunks(FilterScope.SCHEME))) {
            EnrolledFilter filter = awaitFilter(kiosk, 4);
            for (Enrolment e : List.of(first, second)) {
                assertThat(filter.mayContain(e.chipToken())).isTrue();
                assertThat(filter.mayContain(e.barcodeToken())).isTrue();
            }
            assertThat(strangersFound(filter)).as("of 2,000 strangers (about 0.5 % false positives)").isLessThan(40);
            assertThat(filter.mayContain(expired.chipToken()) && filter.mayContain(expired.barcodeToken()))
                    .as("an enrolment that expired yesterday").isFalse();
            assertThat(new PostgresEnrolledTokens(central.store().dataSource()).lead())
                    .as("a second process while central publishes").isFalse();

            send(batch(Enrolment.undo(ids.get(), second, NOW, null)));

            EnrolledFilter after = awaitFilter(kiosk, 2);
            assertThat(after.mayContain(first.chipToken())).isTrue();
            assertThat(after.mayContain(first.barcodeToken())).isTrue();
            assertThat(after.mayContain(second.chipToken()) && after.mayContain(second.barcodeToken()))
                    .as("the undone enrolment's tokens").isFalse();
        }
    }

    /** Waits for the newest whole filter the subscriber gathered to hold {@code size} tokens. */
    private static EnrolledFilter awaitFilter(RecordingMqttClient kiosk, int size) {
        AtomicReference<EnrolledFilter> found = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            FilterChunkCollector collector = new FilterChunkCollector(FilterScope.SCHEME, 0);
            Optional<EnrolledFilter> newest = Optional.empty();
            for (RecordingMqttClient.Message message : kiosk.messages()) {
                if (message.payload().length == 0) {
                    continue;
                }
                Optional<FilterChunks.Reassembly> r = collector.accept(CODEC.decode(message.payload(), FilterChunk.class));
                if (r.isPresent() && r.get() instanceof FilterChunks.Reassembly.Whole whole) {
                    newest = Optional.of(EnrolledFilter.fromBytes(whole.bytes()));
                }
            }
            newest.ifPresent(found::set);
            return newest.isPresent() && newest.get().size() == size;
        });
        return found.get();
    }

    private int strangersFound(EnrolledFilter filter) {
        int found = 0;
        for (int i = 0; i < 2000; i++) {
            found += filter.mayContain(token()) ? 1 : 0;
        }
        return found;
    }

    private Token token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Token.of(HexFormat.of().formatHex(bytes));
    }

    private EnrolmentBatch batch(Enrolment... records) {
        return EnrolmentBatch.of(ids.get(), KioskId.of("kiosk-b"), VenueId.of("library-y"), UUID.randomUUID(), NOW,
                List.of(records));
    }

    private static void send(EnrolmentBatch batch) throws Exception {
        kiosks.publish(Topics.enrolments(batch.venueId(), batch.kioskId()), CODEC.encode(batch));
        await().atMost(WAIT).until(() -> kiosks.firstAck(batch.batchId()).isPresent());
    }
}
