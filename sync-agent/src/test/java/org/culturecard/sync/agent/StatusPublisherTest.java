package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Schemas;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class StatusPublisherTest {
    private static final WireCodec CODEC = new WireCodec();

    private final MutableClock clock = new MutableClock(TestAgentConfig.NOW);
    private final FakeFigures figures = new FakeFigures();
    private final FakeLink link = new FakeLink();
    private final StatusPublisher status = new StatusPublisher(
            TestAgentConfig.builder().statusInterval(Duration.ofSeconds(60)).build(), figures, link, clock);

    @Test
    void aSnapshotCarriesTheLinksStateTheBacklogAndTheDiskAndRecordsTheDiskVerdict() throws Exception {
        figures.backlog = 7;
        figures.disk = new DiskUsage(850, 1000);

        status.snapshot(3, "lost the broker: x", TestAgentConfig.NOW);

        SyncStatus now = status.status();
        assertThat(now.connected()).isTrue();
        assertThat(now.backlog()).isEqualTo(7);
        assertThat(now.failedAttempts()).isEqualTo(3);
        assertThat(now.problem()).isEqualTo("lost the broker: x");
        assertThat(now.lastSyncAt()).isEqualTo(TestAgentConfig.NOW);
        assertThat(now.disk().alert()).isEqualTo(DiskBudget.Alert.HIGH);
        assertThat(figures.recorded).containsExactly(figures.disk);
    }

    @Test
    void publishesTheRetainedOnlineStatusOneAtATime() throws Exception {
        status.snapshot(0, null, null);

        status.publish();
        status.publish();

        assertThat(link.published).hasSize(1);
        assertThat(link.last().topic()).isEqualTo(Topics.status(TestAgentConfig.VENUE, TestAgentConfig.KIOSK));
        assertThat(link.last().retained()).isTrue();
        assertThat(CODEC.decode(link.last().payload(), KioskStatus.class).state()).isEqualTo(KioskStatus.ONLINE);

        link.last().answer(0);
        status.publish();
        assertThat(link.published).hasSize(2);
    }

    @Test
    void publishesAtTheIntervalOrSoonAfterTheBacklogChangesButNotMoreThanEveryFiveSeconds() throws Exception {
        status.snapshot(0, null, null);
        status.maybePublish();
        link.last().answer(0);
        assertThat(link.published).as("the first one at once").hasSize(1);

        figures.backlog = 5;
        status.snapshot(0, null, null);
        clock.advance(Duration.ofSeconds(2));
        status.maybePublish();
        assertThat(link.published).as("a change within 5 s waits").hasSize(1);

        clock.advance(Duration.ofSeconds(3));
        status.maybePublish();
        assertThat(link.published).as("a change after 5 s goes").hasSize(2);
        link.last().answer(0);

        clock.advance(Duration.ofSeconds(30));
        status.maybePublish();
        assertThat(link.published).as("no change, interval not up").hasSize(2);

        clock.advance(Duration.ofSeconds(30));
        status.maybePublish();
        assertThat(link.published).as("the interval is up").hasSize(3);
    }

    @Test
    void nothingGoesOutWhileTheLinkIsDownAndALostPublishDoesNotBlockTheNext() throws Exception {
        status.snapshot(0, null, null);
        status.publish();
        status.disconnected();
        link.up = false;
        status.publish();
        assertThat(link.published).hasSize(1);

        link.up = true;
        status.publish();
        assertThat(link.published).hasSize(2);
    }

    /** The kiosk's figures as the test sets them. */
    private static final class FakeFigures implements StatusPublisher.Figures {
        long backlog;
        DiskUsage disk = new DiskUsage(100, 1000);
        final List<DiskUsage> recorded = new ArrayList<>();

        @Override
        public long backlog() {
            return backlog;
        }

        @Override
        public DiskUsage disk() {
            return disk;
        }

        @Override
        public void recordDisk(DiskUsage usage) {
            recorded.add(usage);
        }

        @Override
        public KioskStatus online(DiskUsage usage) {
            return new KioskStatus(Schemas.KIOSK_STATUS, TestAgentConfig.KIOSK, TestAgentConfig.VENUE, KioskStatus.ONLINE,
                    TestAgentConfig.NOW, backlog, null, null, usage.remainingBytes(), Map.of());
        }
    }
}
