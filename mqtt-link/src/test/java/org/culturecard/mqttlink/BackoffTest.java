package org.culturecard.mqttlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void waitsTheMinimumWhenTheJitterIsZero() {
        Backoff backoff = new Backoff(MIN, MAX, () -> 0.0);

        assertThat(backoff.delay(1)).isEqualTo(MIN);
        assertThat(backoff.delay(30)).isEqualTo(MIN);
    }

    @Test
    void doublesTheCeilingWithEachFailureUpToTheMaximum() {
        Backoff backoff = new Backoff(MIN, MAX, () -> 0.0);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.ceiling(10)).isEqualTo(MAX);
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void reachesTheCeilingWhenTheJitterIsAlmostOne() {
        Backoff backoff = new Backoff(MIN, MAX, () -> 0.999_999_9);

        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(1000)).isEqualTo(MAX);
    }

    @Test
    void spreadsDelaysAcrossTheWholeRange() {
        Random random = new Random(7);
        Backoff backoff = new Backoff(MIN, MAX, random::nextDouble);
        long below = 0;
        long above = 0;
        for (int i = 0; i < 1000; i++) {
            Duration delay = backoff.delay(20);
            assertThat(delay).isBetween(MIN, MAX);
            if (delay.compareTo(Duration.ofSeconds(150)) < 0) {
                below++;
            } else {
                above++;
            }
        }
        assertThat(below).isBetween(400L, 600L);
        assertThat(above).isBetween(400L, 600L);
    }

    @Test
    void refusesAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new Backoff(MAX, MIN, () -> 0.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifiesIdentityAndPermissionRefusals() {
        assertThat(Refusals.isRefusal(0x86)).isTrue();
        assertThat(Refusals.isRefusal(0x87)).isTrue();
        assertThat(Refusals.isRefusal(0x8C)).isTrue();
        assertThat(Refusals.isRefusal(0x80)).isFalse();
        assertThat(Refusals.isRefusal(32103)).isFalse();
        assertThat(Refusals.describe(0x87)).isEqualTo("not authorized (0x87)");
    }
}
