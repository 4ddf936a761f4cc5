package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.testsupport.logs.LogForging;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack: log forging on the kiosk side. Every string field of the acks and venue configs the
 * agent reads from the wire carries CR/LF, a fake log line and ANSI escapes in turn, through a
 * real Mosquitto, while the agent logs with its own {@code logback.xml}: one console line per log
 * event, and no raw CR or ESC.
 */
class AgentLogForgingIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();

    private static final String HOSTILE = LogForging.hostile("2026-03-02T10:00:00.000Z");
    private static final Pattern EVENT_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) .*");
    private final WireCodec codec = new WireCodec();

    @Test
    void noFieldOfAnAckOrAVenueConfigForgesALogLine(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        List<String> problems;
        try (LogForging.Capture log = LogForging.capture(AgentLogForgingIT.class, "/logback.xml", "/logback-test.xml")) {
            try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                 MqttSyncAgent agent = new MqttSyncAgent(SyncConfig.of(URI.create(BROKER.server().uri()), KioskDb.KIOSK,
                         KioskDb.VENUE, kiosk.file()), outbox, Clock.systemUTC(), UuidV7.system())) {
                agent.start();
                MqttClient central = new MqttClient(BROKER.server().uri(), "forging-central", new MemoryPersistence());
                central.connect();
                Thread.sleep(1_000); // subscribed
                BatchAck ack = BatchAck.of(UUID.randomUUID(), KioskDb.KIOSK, 1, 0, now);
                for (byte[] payload : LogForging.everyStringField(codec.encode(ack), HOSTILE)) {
                    central.publish(Topics.acks(KioskDb.VENUE, KioskDb.KIOSK), payload, 1, false);
                }
                Event event = new Event(UUID.randomUUID(), KioskDb.VENUE, "Story hour", new Category(Sector.LIBRARIES, null,
                        Mode.ATTEND), AgeBand.ALL, null, now, now.plusSeconds(3600), null);
                for (byte[] payload : LogForging.everyStringField(codec.encode(VenueConfig.of(KioskDb.VENUE, 5, now,
                        List.of(event))), HOSTILE)) {
                    central.publish(Topics.config(KioskDb.VENUE), payload, 1, false);
                }
                Thread.sleep(2_000); // the agent's worker thread handles them in order
                central.disconnect();
                central.close();
            }
            problems = log.problems(EVENT_LINE, "\\r\\n2026-03-02T10:00:00.000Z ERROR");
        }
        assertThat(problems).isEmpty();
    }
}
