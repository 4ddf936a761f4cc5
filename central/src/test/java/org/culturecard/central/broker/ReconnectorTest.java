package org.culturecard.central.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

class ReconnectorTest {

    @Test
    void backoffGrowsExponentiallyWithJitterBetween100MsAnd10S() {
        for (int attempt = 0; attempt < 40; attempt++) {
            long ceiling = Math.min(10_000, 100L << Math.min(attempt, 16));
            for (int i = 0; i < 200; i++) {
                assertThat(Reconnector.backoffMillis(attempt)).isBetween(100L, ceiling);
            }
        }
        assertThat(Reconnector.backoffMillis(0)).isEqualTo(100L);
    }

    @Test
    void aFailedFirstConnectIsRetriedUntilItSucceedsAndThenNoMore() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Reconnector reconnector = new Reconnector("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION);
            }
        })) {
            reconnector.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
            Thread.sleep(500);
            assertThat(attempts).hasValue(3);

            reconnector.connectionLost("test: connection dropped");
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 4);
        }
    }

    @Test
    void closingStopsTheRetries() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Reconnector reconnector = new Reconnector("test", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("broker unreachable");
        });
        reconnector.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() >= 2);
        reconnector.close();
        int afterClose = attempts.get();
        Thread.sleep(500);
        assertThat(attempts).hasValue(afterClose);
        assertThat(reconnector.isClosed()).isTrue();
    }
}
