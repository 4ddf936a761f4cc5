package org.culturecard.mqttlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
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

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void onTheCallersThreadAnAttemptOnlyStartsAndTheCallerReportsHowItWent() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Reconnector reconnector = Reconnector.onThread(worker, "agent", fastBackoff(), attempts::incrementAndGet)) {
            reconnector.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
            Thread.sleep(200);
            assertThat(attempts).as("returning is not connecting: nothing is retried until told").hasValue(1);
            assertThat(reconnector.failures()).isZero();

            reconnector.connectionLost("connect failed");
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 2);
            reconnector.connectionLost("connect failed again");
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
            assertThat(reconnector.failures()).isEqualTo(2);

            reconnector.connected();
            assertThat(reconnector.failures()).isZero();
        }
        assertThat(worker.isShutdown()).as("the caller's thread is the caller's").isFalse();
    }

    @Test
    void aLostConnectionReportedTwiceSchedulesOneAttempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Reconnector reconnector = Reconnector.onThread(worker, "agent",
                new Backoff(Duration.ofMillis(200), Duration.ofMillis(200), () -> 0.0), attempts::incrementAndGet)) {
            Duration first = reconnector.connectionLost("disconnected by Paho's callback");
            Duration second = reconnector.connectionLost("the publish failed too");

            assertThat(first).isEqualTo(Duration.ofMillis(200));
            assertThat(second).isBetween(Duration.ZERO, Duration.ofMillis(200));
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
            Thread.sleep(500);
            assertThat(attempts).hasValue(1);
            assertThat(reconnector.failures()).isEqualTo(1);
        }
    }

    @Test
    void aRefusalWaitsTheDelayItIsGivenAndCountsAsAFailure() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Reconnector reconnector = Reconnector.onThread(worker, "agent",
                new Backoff(Duration.ofMillis(10), Duration.ofSeconds(60), () -> 0.0), attempts::incrementAndGet)) {
            assertThat(reconnector.maxDelay()).isEqualTo(Duration.ofSeconds(60));

            reconnector.retryAfter(reconnector.maxDelay());
            Thread.sleep(500);

            assertThat(attempts).as("no attempt before the minute is up").hasValue(0);
            assertThat(reconnector.failures()).isEqualTo(1);
        }
    }

    @Test
    void closingCancelsTheAttemptThatWasComing() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Reconnector reconnector = Reconnector.onThread(worker, "agent",
                new Backoff(Duration.ofMillis(300), Duration.ofMillis(300), () -> 0.0), attempts::incrementAndGet);
        reconnector.connectionLost("lost");
        reconnector.close();
        Thread.sleep(600);

        assertThat(attempts).hasValue(0);
        assertThat(reconnector.connectionLost("lost after close")).isEqualTo(Duration.ZERO);
    }

    private static Backoff fastBackoff() {
        return new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), () -> 0.5);
    }

    @Test
    void aRetryTheCallerLogsReturnsItsDelayAndCountsAFailure() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Reconnector reconnector = Reconnector.onThread(worker, "agent",
                new Backoff(Duration.ofMillis(40), Duration.ofSeconds(1), () -> 0.999), attempts::incrementAndGet)) {
            assertThat(reconnector.retry()).isEqualTo(Duration.ofMillis(40));
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
            assertThat(reconnector.retry()).as("the second failure in a row waits longer").isEqualTo(Duration.ofMillis(80));
            assertThat(reconnector.failures()).isEqualTo(2);
        }
    }

    @Test
    void abandoningAClientDropsItWithoutADisconnectAndClosesItEvenWhenTheDropFails() throws Exception {
        MqttAsyncClient client = mock(MqttAsyncClient.class);
        doThrow(new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION)).when(client).disconnectForcibly(0, 500, false);

        Reconnector.abandon(client, "dead-link");
        Reconnector.abandon(null, "none");

        verify(client).disconnectForcibly(0, 500, false);
        verify(client).close(true);
    }
}
