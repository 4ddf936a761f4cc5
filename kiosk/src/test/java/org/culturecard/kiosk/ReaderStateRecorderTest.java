package org.culturecard.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.reader.ReaderEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderStateRecorderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordsReadersComingAndGoingAndTheServiceGoingDownForTheSyncAgent() {
        try (SqliteKioskStore store = SqliteKioskStore.open(dir.resolve("kiosk.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            ReaderStateRecorder recorder = new ReaderStateRecorder(store);

            recorder.accept(new ReaderEvent.ReaderAttached("ACS ACR1252 1S CL Reader PICC 0", NOW));
            assertThat(store.setting(SettingKey.READER_STATE)).contains("ready: ACS ACR1252 1S CL Reader PICC 0");

            recorder.accept(new ReaderEvent.ServiceDown("SCARD_E_NO_SERVICE", NOW));
            assertThat(store.setting(SettingKey.READER_STATE)).contains("service-down");

            recorder.accept(new ReaderEvent.ServiceUp(NOW));
            assertThat(store.setting(SettingKey.READER_STATE)).contains("no-reader");

            recorder.accept(new ReaderEvent.ReaderAttached("Reader B", NOW));
            recorder.accept(new ReaderEvent.ReaderLost("Reader B", NOW));
            assertThat(store.setting(SettingKey.READER_STATE)).contains("no-reader");
        }
    }
}
