package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class AwardsShownForwarderTest {
    private final MutableClock clock = new MutableClock(TestAgentConfig.NOW);
    private final FakeLink link = new FakeLink();
    private final FakeShown outbox = new FakeShown();
    private final WireCodec codec = new WireCodec();
    private final AwardsShownForwarder forwarder = new AwardsShownForwarder(
            TestAgentConfig.builder().ackTimeout(Duration.ofSeconds(30)).build(), outbox, link, clock, UUID::randomUUID);

    @Test
    void shownAwardsGoOutOnTheirTopicAndAreReportedOnlyOnTheirAck() throws Exception {
        AwardsShown.Shown a = shown(1);
        AwardsShown.Shown b = shown(2);
        outbox.rows.add(a);
        outbox.rows.add(b);

        forwarder.pump();
        forwarder.pump(); // one batch in flight at a time

        assertThat(link.published).hasSize(1);
        assertThat(link.last().topic()).isEqualTo(Topics.awardsShown(TestAgentConfig.VENUE, TestAgentConfig.KIOSK));
        AwardsShown batch = codec.decode(link.last().payload(), AwardsShown.class);
        assertThat(batch.shown()).containsExactly(a, b);
        assertThat(batch.venueId()).isEqualTo(TestAgentConfig.VENUE);
        assertThat(forwarder.ackArrived(codec.encode(BatchAck.of(UUID.randomUUID(), TestAgentConfig.KIOSK, 2, 0,
                clock.instant())))).isFalse();
        assertThat(outbox.unreported(100)).hasSize(2);

        assertThat(forwarder.ackArrived(codec.encode(BatchAck.of(batch.batchId(), TestAgentConfig.KIOSK, 2, 0,
                clock.instant())))).isTrue();

        assertThat(outbox.unreported(100)).isEmpty();
        assertThat(outbox.reportedAt).containsOnlyKeys(a, b);
    }

    @Test
    void anUnackedBatchGoesOutAgainAfterTheAckTimeout() throws Exception {
        outbox.rows.add(shown(1));
        forwarder.pump();
        UUID first = codec.decode(link.last().payload(), AwardsShown.class).batchId();

        clock.advance(Duration.ofSeconds(31));
        forwarder.expireUnacked(clock.instant());
        forwarder.pump();

        assertThat(link.published).hasSize(2);
        assertThat(codec.decode(link.last().payload(), AwardsShown.class).batchId()).isNotEqualTo(first);
        assertThat(outbox.reportedAt).isEmpty();
    }

    static AwardsShown.Shown shown(int n) {
        return new AwardsShown.Shown(Token.of(String.format("%064x", n + 1)), "explorer-" + n,
                Instant.parse("2026-03-02T09:00:00Z").plusSeconds(n));
    }

    /** The shown-awards outbox in memory. */
    static final class FakeShown implements AwardsShownForwarder.ShownOutbox {
        final List<AwardsShown.Shown> rows = new ArrayList<>();
        final Map<AwardsShown.Shown, Instant> reportedAt = new LinkedHashMap<>();

        @Override
        public List<AwardsShown.Shown> unreported(int limit) {
            return rows.stream().filter(s -> !reportedAt.containsKey(s)).limit(limit).toList();
        }

        @Override
        public int reported(List<AwardsShown.Shown> shown, Instant at) {
            int changed = 0;
            for (AwardsShown.Shown s : shown) {
                if (rows.contains(s) && reportedAt.putIfAbsent(s, at) == null) {
                    changed++;
                }
            }
            return changed;
        }
    }
}
