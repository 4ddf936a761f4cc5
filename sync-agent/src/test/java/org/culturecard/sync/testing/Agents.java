package org.culturecard.sync.testing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;

/** The real agent for the ITs: on the test kiosk's database, quick to reconnect, started. */
public final class Agents {
    private Agents() {}

    /** An agent of {@link KioskDb#KIOSK} at {@link KioskDb#VENUE}, connecting to {@code brokerUri}; started. */
    public static MqttSyncAgent started(String brokerUri, KioskDb kiosk, SqliteOutbox outbox) {
        MqttSyncAgent agent = new MqttSyncAgent(SyncConfig.builder(URI.create(brokerUri), KioskDb.KIOSK,
                KioskDb.VENUE, kiosk.file()).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build(), outbox,
                Clock.systemUTC(), UuidV7.system());
        agent.start();
        return agent;
    }
}
