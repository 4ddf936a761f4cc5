package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class OutboxPurgeTest {
    private final MutableClock clock = new MutableClock(TestAgentConfig.NOW);
    private final List<Instant> purgedBefore = new ArrayList<>();
    private final OutboxPurge purge = new OutboxPurge(olderThan -> {
        purgedBefore.add(olderThan);
        return 3;
    }, Duration.ofDays(7), clock);

    @Test
    void purgesRowsDeliveredBeforeThePurgeAgeAtOnceAndThenOnceADay() {
        purge.purgeIfDue();
        clock.advance(Duration.ofHours(23));
        purge.purgeIfDue();
        clock.advance(Duration.ofHours(1));
        purge.purgeIfDue();

        assertThat(purgedBefore).containsExactly(TestAgentConfig.NOW.minus(Duration.ofDays(7)),
                TestAgentConfig.NOW.plus(Duration.ofHours(24)).minus(Duration.ofDays(7)));
    }
}
