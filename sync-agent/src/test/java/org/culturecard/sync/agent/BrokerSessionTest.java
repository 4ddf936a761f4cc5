package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Topics;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.testsupport.time.MutableClock;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The session against Mockito's Paho clients (Paho's types only; the agent's side is a recording listener). */
class BrokerSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(TestAgentConfig.NOW);
    private final Worker worker = new Worker(TestAgentConfig.KIOSK, TestAgentConfig.VENUE);
    private final List<MqttAsyncClient> clients = new CopyOnWriteArrayList<>();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final SyncConfig config = TestAgentConfig.builder().backoff(Duration.ofMillis(10), Duration.ofSeconds(60))
            .keepAliveSeconds(10).build();
    private final BrokerSession session = new BrokerSession(config, BrokerEndpoint.plain("tcp://127.0.0.1:1"),
            () -> OFFLINE, clock, worker, (uri, id) -> newClient(), new SessionListener() {
                @Override
                public void connected(int receiveMaximum) {
                    heard.add("connected " + receiveMaximum);
                }

                @Override
                public void disconnected() {
                    heard.add("disconnected");
                }

                @Override
                public void changed() {
                    heard.add("changed");
                }

                @Override
                public void messageArrived(String topic, byte[] payload) {
                    heard.add("message " + topic + " " + new String(payload, StandardCharsets.UTF_8));
                }
            });

    @BeforeAll
    static void warmUpMockito() {
        mock(MqttAsyncClient.class); // the first mock takes seconds on a busy machine: not on the worker's clock
    }

    @AfterEach
    void stop() {
        worker.stopAfter(session::close, 5000, 1000);
    }

    @Test
    void connectsCleanWithTheOfflineWillSubscribesAndReportsTheBrokersReceiveMaximum() throws Exception {
        MqttAsyncClient client = connectAndSubscribe(20);

        ArgumentCaptor<MqttConnectionOptions> options = ArgumentCaptor.forClass(MqttConnectionOptions.class);
        verify(client).connect(options.capture(), any(), any(MqttActionListener.class));
        assertThat(options.getValue().isCleanStart()).isTrue();
        assertThat(options.getValue().isAutomaticReconnect()).isFalse();
        assertThat(options.getValue().getKeepAliveInterval()).isEqualTo(10);
        assertThat(options.getValue().getWillDestination()).isEqualTo(Topics.status(TestAgentConfig.VENUE, TestAgentConfig.KIOSK));
        assertThat(options.getValue().getWillMessage().isRetained()).isTrue();
        assertThat(options.getValue().getWillMessage().getPayload()).isEqualTo(OFFLINE);
        ArgumentCaptor<MqttSubscription[]> subscriptions = ArgumentCaptor.forClass(MqttSubscription[].class);
        verify(client).subscribe(subscriptions.capture(), any(), any(MqttActionListener.class), any());
        assertThat(subscriptions.getValue()).extracting(MqttSubscription::getTopic).containsExactly(
                Topics.acks(TestAgentConfig.VENUE, TestAgentConfig.KIOSK), Topics.config(TestAgentConfig.VENUE),
                Topics.filterChunks(FilterScope.SCHEME));
        assertThat(heard).containsExactly("connected 20");
        assertThat(onWorker(session::isUp)).isTrue();
        assertThat(onWorker(session::failures)).isZero();
    }

    @Test
    void aFailedConnectIsRetriedAfterTheBackoffAndSaidInTheProblem() throws Exception {
        session.start();
        await().atMost(WAIT).until(() -> clients.size() == 1);
        connectListener(clients.get(0)).onFailure(null, new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION));

        await().atMost(WAIT).until(() -> clients.size() == 2);
        assertThat(onWorker(session::problem)).startsWith("cannot connect to tcp://127.0.0.1:1");
        assertThat(onWorker(session::failures)).isEqualTo(1);
        verify(clients.get(0)).close(true);
    }

    @Test
    void aRefusedIdentityIsSaidPlainlyAndRetriedOnlyAfterTheLongestBackoff() throws Exception {
        session.start();
        await().atMost(WAIT).until(() -> clients.size() == 1);
        connectListener(clients.get(0)).onFailure(null, new MqttException(0x87));

        await().atMost(WAIT).until(() -> onWorker(session::problem) != null);
        Thread.sleep(300);
        assertThat(onWorker(session::problem)).contains("refused this kiosk while connecting").contains("0x87");
        assertThat(clients).as("no retry before a minute").hasSize(1);
        assertThat(onWorker(session::failures)).isEqualTo(1);
    }

    @Test
    void aLostConnectionIsGivenUpAndReplacedAndTheOldClientIsNeverHeardAgain() throws Exception {
        MqttAsyncClient first = connectAndSubscribe(100);
        MqttCallback firstCallback = callback(first);

        firstCallback.disconnected(new MqttDisconnectResponse(new MqttException(32109)));
        await().atMost(WAIT).until(() -> clients.size() == 2);
        assertThat(heard).containsSubsequence("connected 100", "disconnected", "changed");
        assertThat(onWorker(session::problem)).startsWith("lost the broker: ");
        verify(first).disconnectForcibly(anyLong(), anyLong(), anyBoolean());
        verify(first).close(true);

        heard.clear();
        firstCallback.messageArrived("late/topic", new MqttMessage("late".getBytes(StandardCharsets.UTF_8)));
        firstCallback.disconnected(new MqttDisconnectResponse(new MqttException(32109)));
        callback(clients.get(1)).messageArrived("new/topic", new MqttMessage("new".getBytes(StandardCharsets.UTF_8)));
        await().atMost(WAIT).until(() -> !heard.isEmpty());
        Thread.sleep(200);
        assertThat(heard).containsExactly("message new/topic new");
    }

    @Test
    void aPublishHandsBackThePubacksReasonCodeAndOneUnansweredForAKeepaliveIsAHalfOpenLink() throws Exception {
        MqttAsyncClient client = connectAndSubscribe(100);
        List<Integer> codes = new CopyOnWriteArrayList<>();

        onWorker(() -> {
            session.publish("t/1", new byte[] {1}, false, codes::add);
            session.publish("t/2", new byte[] {2}, true, codes::add);
            return null;
        });
        ArgumentCaptor<MqttActionListener> published = ArgumentCaptor.forClass(MqttActionListener.class);
        ArgumentCaptor<MqttMessage> messages = ArgumentCaptor.forClass(MqttMessage.class);
        verify(client, times(2)).publish(any(String.class), messages.capture(), any(), published.capture());
        assertThat(messages.getAllValues()).extracting(MqttMessage::getQos).containsOnly(1);
        assertThat(messages.getAllValues()).extracting(MqttMessage::isRetained).containsExactly(false, true);
        published.getAllValues().get(0).onSuccess(token(0x10));
        await().atMost(WAIT).until(() -> codes.contains(0x10));

        clock.advance(Duration.ofSeconds(9));
        assertThat(onWorker(session::halfOpen)).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(onWorker(session::halfOpen)).isTrue();
        assertThat(heard).contains("disconnected");
        assertThat(onWorker(session::problem)).contains("half-open");
    }

    @Test
    void closingSaysOfflineRetainedAndDisconnects() throws Exception {
        MqttAsyncClient client = connectAndSubscribe(100);

        onWorker(() -> {
            session.close();
            return null;
        });

        ArgumentCaptor<MqttMessage> goodbye = ArgumentCaptor.forClass(MqttMessage.class);
        verify(client).publish(eq(Topics.status(TestAgentConfig.VENUE, TestAgentConfig.KIOSK)), goodbye.capture(), any(), any());
        assertThat(goodbye.getValue().isRetained()).isTrue();
        assertThat(goodbye.getValue().getPayload()).isEqualTo(OFFLINE);
        verify(client).disconnect(anyLong());
        assertThat(onWorker(session::isUp)).isFalse();
    }

    private MqttAsyncClient connectAndSubscribe(int receiveMaximum) throws Exception {
        session.start();
        await().atMost(WAIT).until(() -> !clients.isEmpty());
        MqttAsyncClient client = clients.get(clients.size() - 1);
        MqttProperties properties = new MqttProperties();
        properties.setReceiveMaximum(receiveMaximum);
        IMqttToken connack = mock(IMqttToken.class);
        when(connack.getResponseProperties()).thenReturn(properties);
        connectListener(client).onSuccess(connack);
        ArgumentCaptor<MqttActionListener> subscribed = ArgumentCaptor.forClass(MqttActionListener.class);
        await().atMost(WAIT).untilAsserted(() -> verify(client).subscribe(any(MqttSubscription[].class), any(),
                subscribed.capture(), any()));
        subscribed.getValue().onSuccess(token(1, 1));
        await().atMost(WAIT).until(() -> heard.contains("connected " + receiveMaximum));
        return client;
    }

    private MqttAsyncClient newClient() throws MqttException {
        MqttAsyncClient client = mock(MqttAsyncClient.class);
        IMqttToken done = mock(IMqttToken.class);
        when(client.publish(any(String.class), any(MqttMessage.class), any(), any())).thenReturn(done);
        when(client.disconnect(anyLong())).thenReturn(done);
        clients.add(client);
        return client;
    }

    private static MqttActionListener connectListener(MqttAsyncClient client) throws MqttException {
        ArgumentCaptor<MqttActionListener> listener = ArgumentCaptor.forClass(MqttActionListener.class);
        await().atMost(WAIT).untilAsserted(() -> verify(client).connect(any(MqttConnectionOptions.class), any(),
                listener.capture()));
        return listener.getValue();
    }

    private static MqttCallback callback(MqttAsyncClient client) {
        ArgumentCaptor<MqttCallback> callback = ArgumentCaptor.forClass(MqttCallback.class);
        verify(client).setCallback(callback.capture());
        return callback.getValue();
    }

    private static IMqttToken token(int... reasonCodes) {
        IMqttToken token = mock(IMqttToken.class);
        when(token.getReasonCodes()).thenReturn(reasonCodes);
        return token;
    }

    private <T> T onWorker(Callable<T> task) throws Exception {
        return worker.executor().submit(task).get(5, TimeUnit.SECONDS);
    }
}
