package org.culturecard.kiosk.ui.shell;

import java.time.Duration;

/**
 * How long screens stay up. A young person reads the welcome in a glance; a refusal needs a moment
 * longer; staff mode waits a minute; a reader gets a grace period at start before the kiosk says
 * none works.
 */
public record KioskTimings(Duration welcome, Duration refusal, Duration staffIdle, Duration readerGrace,
                           Duration statusRefresh) {

    public static KioskTimings standard() {
        return new KioskTimings(Duration.ofSeconds(4), Duration.ofSeconds(6), Duration.ofSeconds(60),
                Duration.ofSeconds(3), Duration.ofSeconds(15));
    }
}
