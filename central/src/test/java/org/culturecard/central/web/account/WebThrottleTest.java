package org.culturecard.central.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sliding window: refused at the limit, free again once the oldest failure leaves the window. */
class WebThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void refusesAtTheLimitUntilTheWindowMoves() {
        Throttle throttle = new Throttle(clock, 3, Duration.ofMinutes(15));
        for (int i = 0; i < 2; i++) {
            throttle.failed("anne");
            now.set(now.get().plusSeconds(60));
        }
        assertThat(throttle.refused("anne")).isFalse();
        throttle.failed("anne");
        assertThat(throttle.refused("anne")).isTrue();
        assertThat(throttle.refused("bob")).isFalse();
        now.set(now.get().plus(Duration.ofMinutes(12)));
        assertThat(throttle.refused("anne")).isTrue();
        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertThat(throttle.refused("anne")).as("the first failure left the window").isFalse();
    }

    @Test
    void aGoodSignInForgetsTheFailures() {
        Throttle throttle = new Throttle(clock, 2, Duration.ofMinutes(15));
        throttle.failed("anne");
        throttle.succeeded("anne");
        throttle.failed("anne");
        assertThat(throttle.refused("anne")).isFalse();
    }
}
