package org.culturecard.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Schemas;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.logs.LogForging;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Attack: log forging. Every string field of every message kind central reads (check-in batch
 * envelope and records, status, events) carries CR/LF, a fake log line and ANSI escapes in turn,
 * through a real broker into a real central logging with its own {@code logback.xml}: the console
 * shows exactly one line per log event (plus stack-trace frames), and no CR or ESC at all.
 */
class LogForgingIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String HOSTILE = LogForging.hostile("2026-03-02 10:00:00,000");
    private static final Pattern EVENT_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} .*");
    private static final WireCodec CODEC = new WireCodec();
    private static final VenueId VENUE = VenueId.of("log-venue");
    private static final KioskId KIOSK = KioskId.of("log-kiosk");

    @Test
    void noFieldOfAnyMessageKindForgesALogLine() throws Exception {
        String url = DB.server().createDatabase("central_logs");
        CentralConfig config = new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "logs-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(), Set.of()));
        List<String> problems;
        try (LogForging.Capture log = LogForging.capture(LogForgingIT.class, "/logback.xml", "/logback-test.xml")) {
            try (Central central = Central.start(config, TestBatches.CLOCK);
                 KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "log-forger")) {
                TestBatches.register(central.store(), VENUE.value(), KIOSK.value());
                sendEveryHostileVariant(kiosk);
            }
            problems = log.problems(EVENT_LINE, "\\r\\n2026-03-02 10:00:00,000 ERROR");
        }
        assertThat(problems).isEmpty();
    }

    private static void sendEveryHostileVariant(KioskSimulator kiosk) throws Exception {
        TestBatches batches = new TestBatches(11);
        for (byte[] payload : LogForging.everyStringField(CODEC.encode(batches.batch(VENUE.value(), KIOSK.value(), 1)), HOSTILE)) {
            kiosk.publish(Topics.checkins(VENUE, KIOSK), payload);
        }
        KioskStatus status = new KioskStatus(Schemas.KIOSK_STATUS, KIOSK, VENUE, KioskStatus.ONLINE, TestBatches.NOW, 1, 2L, "ready",
                3L, Map.of("kiosk", "0.1.0"));
        for (byte[] payload : LogForging.everyStringField(CODEC.encode(status), HOSTILE)) {
            kiosk.publish(Topics.status(VENUE, KIOSK), payload);
        }
        KioskEvents events = KioskEvents.of(KIOSK, VENUE, TestBatches.NOW, List.of(event(UUID.randomUUID())), List.of(UUID.randomUUID()));
        List<byte[]> hostileEvents = new ArrayList<>(LogForging.everyStringField(CODEC.encode(events), HOSTILE));
        for (byte[] payload : hostileEvents) {
            kiosk.publish(Topics.events(VENUE, KIOSK), payload);
        }
        CheckInBatch sentinel = batches.batch(VENUE.value(), KIOSK.value(), 1);
        kiosk.publish(sentinel);
        await().atMost(Duration.ofSeconds(30)).until(() -> kiosk.firstAck(sentinel.batchId()).isPresent());
        Thread.sleep(1_000); // the fleet listener's own thread
    }

    private static Event event(UUID id) {
        return new Event(id, VENUE, "Late opening", new Category(Sector.LIBRARIES, null, Mode.ATTEND), AgeBand.ALL, null,
                TestBatches.NOW, TestBatches.NOW.plusSeconds(3600), null);
    }
}
