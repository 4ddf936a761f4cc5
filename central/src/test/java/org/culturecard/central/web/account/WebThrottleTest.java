package org.culturecard.central.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

/** The sliding window: refused at the limit, free again once the oldest failure leaves the window. */
class WebThrottleTest {

    private final MutableClock clock = MutableClock.at("2026-12-02T10:00:00Z");

    @Test
    void refusesAtTheLimitUntilTheWindowMoves() {
        Throttle throttle = new Throttle(clock, 3, Duration.ofMinutes(15));
        for (int i = 0; i < 2; i++) {
            throttle.failed("anne");
            clock.advance(Duration.ofSeconds(60));
        }
        assertThat(throttle.refused("anne")).isFalse();
        throttle.failed("anne");
        assertThat(throttle.refused("anne")).isTrue();
        assertThat(throttle.refused("bob")).isFalse();
        clock.advance(Duration.ofMinutes(12));
        assertThat(throttle.refused("anne")).isTrue();
        clock.advance(Duration.ofMinutes(1));
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
