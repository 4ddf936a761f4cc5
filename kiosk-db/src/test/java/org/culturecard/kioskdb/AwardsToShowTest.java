package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.PendingAward;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Awards kept by the agent, shown once by the kiosk, reported to central (ADR 37), on a real SQLite file. */
class AwardsToShowTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Token ADA = Token.of("a1".repeat(32));
    private static final Token SAM = Token.of("b2".repeat(32));
    private static final PendingAward EXPLORER = PendingAward.of(ADA, "museum-explorer", Map.of("en", "Museum Explorer"),
            "badges/museum-explorer.png").withProgress(1, 2, "Young Explorer");

    @TempDir
    Path dir;

    @Test
    void anAwardIsShownOnceEvenWhenCentralSendsItAgainBeforeItHearsItWasShown() {
        try (KioskDb kiosk = KioskDb.open(dir.resolve("kiosk.db"), KioskDb.Role.KIOSK);
                KioskDb agent = KioskDb.open(dir.resolve("kiosk.db"), KioskDb.Role.SYNC_AGENT)) {
            assertThat(agent.<Integer>write("keep", t -> t.awards().keep(List.of(EXPLORER), NOW))).isEqualTo(1);
            assertThat(agent.<Integer>write("keep again", t -> t.awards().keep(List.of(EXPLORER), NOW))).isEqualTo(1);

            assertThat(kiosk.<List<PendingAward>>read("read", t -> t.awards().forToken(ADA))).containsExactly(EXPLORER);
            assertThat(kiosk.<List<PendingAward>>read("read", t -> t.awards().forToken(SAM))).isEmpty();
            assertThat(kiosk.<Boolean>write("shown", t -> t.awards().markShown(ADA, "museum-explorer", NOW))).isTrue();
            assertThat(kiosk.<Boolean>write("shown twice", t -> t.awards().markShown(ADA, "museum-explorer", NOW))).isFalse();

            assertThat(agent.<Integer>write("central re-sends it", t -> t.awards().keep(List.of(EXPLORER), NOW))).isZero();
            assertThat(kiosk.<List<PendingAward>>read("read", t -> t.awards().forToken(ADA))).isEmpty();
            List<AwardsShown.Shown> unreported = agent.read("unreported", t -> t.awards().unreported(10));
            assertThat(unreported).containsExactly(new AwardsShown.Shown(ADA, "museum-explorer", NOW));
            assertThat(agent.<Integer>write("acked", t -> t.awards().reported(unreported, NOW))).isEqualTo(1);
            assertThat(agent.<List<AwardsShown.Shown>>read("unreported", t -> t.awards().unreported(10))).isEmpty();
        }
    }
}
