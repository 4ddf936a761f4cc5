package org.culturecard.sync.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.sync.config.SyncConfig;

/** A config and a clock for the agent's unit tests (no broker, no file is touched through them). */
final class TestAgentConfig {
    static final KioskId KIOSK = KioskId.of("kiosk-1");
    static final VenueId VENUE = VenueId.of("central-library");
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private TestAgentConfig() {}

    static SyncConfig.Builder builder() {
        return SyncConfig.builder(URI.create("tcp://127.0.0.1:1"), KIOSK, VENUE, Path.of("unused.db"));
    }

    static SyncConfig config() {
        return builder().build();
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
