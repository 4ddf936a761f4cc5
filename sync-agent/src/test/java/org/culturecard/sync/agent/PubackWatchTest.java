package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PubackWatchTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration KEEPALIVE = Duration.ofSeconds(2);

    @Test
    void aPublishUnansweredForLongerThanTheKeepaliveIsOverdue() {
        PubackWatch watch = new PubackWatch();
        watch.sent("a", T0);
        assertThat(watch.overdue(T0.plusSeconds(2), KEEPALIVE)).isFalse();
        assertThat(watch.overdue(T0.plusMillis(2_001), KEEPALIVE)).isTrue();
    }

    @Test
    void answeredOrClearedPublishesAreNeverOverdue() {
        PubackWatch watch = new PubackWatch();
        watch.sent("a", T0);
        watch.sent("b", T0.plusSeconds(1));
        watch.answered("a");
        assertThat(watch.overdue(T0.plusMillis(2_500), KEEPALIVE)).isFalse();
        assertThat(watch.overdue(T0.plusMillis(3_500), KEEPALIVE)).isTrue();
        watch.clear();
        assertThat(watch.overdue(T0.plusSeconds(60), KEEPALIVE)).isFalse();
    }
}
