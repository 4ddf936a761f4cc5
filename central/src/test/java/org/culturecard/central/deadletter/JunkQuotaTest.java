package org.culturecard.central.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class JunkQuotaTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"), ZoneOffset.UTC);

    @Test
    void eachSenderHasItsOwnAllowanceForTheClockHour() {
        JunkQuota quota = new JunkQuota(clock, 2);
        assertThat(quota.tryTake("kiosk-a")).isTrue();
        assertThat(quota.tryTake("kiosk-a")).isTrue();
        assertThat(quota.tryTake("kiosk-a")).isFalse();
        assertThat(quota.tryTake("kiosk-b")).as("another certificate is not held up").isTrue();
    }

    @Test
    void theAllowanceComesBackAtTheNextHour() {
        JunkQuota quota = new JunkQuota(clock, 1);
        assertThat(quota.tryTake("kiosk-a")).isTrue();
        assertThat(quota.tryTake("kiosk-a")).isFalse();
        clock.advance(Duration.ofMinutes(45));
        assertThat(quota.tryTake("kiosk-a")).isTrue();
    }

    @Test
    void aZeroQuotaKeepsNothingAndManySendersShareOneAllowancePastTheBound() {
        assertThat(new JunkQuota(clock, 0).tryTake("kiosk-a")).isFalse();
        JunkQuota quota = new JunkQuota(clock, 1);
        for (int i = 0; i < JunkQuota.MAX_KIOSKS; i++) {
            assertThat(quota.tryTake("k" + i)).isTrue();
        }
        assertThat(quota.tryTake("one-more")).isTrue();
        assertThat(quota.tryTake("and-another")).as("past the bound, the rest share one allowance").isFalse();
    }
}
