package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.culturecard.core.wire.Topics;
import org.culturecard.mqttlink.Backoff;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.mqttlink.Generation;
import org.culturecard.mqttlink.LinkCallback;
import org.culturecard.mqttlink.MqttErrors;
import org.culturecard.mqttlink.PahoClients;
import org.culturecard.mqttlink.Reconnector;
import org.culturecard.mqttlink.Refusals;
import org.culturecard.sync.config.SyncConfig;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's connection to the broker, the one class of the agent that holds Paho's client:
 * connects (clean start, the retained "offline" status as last will), subscribes to the kiosk's
 * acks, the venue's config and the enrolled-card filter's chunks, and after a failure or a lost connection reconnects through
 * mqtt-link's {@link Reconnector} on the agent's worker. A broker that refuses the kiosk's identity
 * or a permission is said plainly and retried after the longest backoff. Every client it gives up
 * is closed, and its late callbacks are ignored ({@link Generation}).
 *
 * <p>A half-open link (the broker frozen, a NAT that forgot the flow) is noticed by {@link PubackWatch}:
 * a publish that waits a whole keepalive for its PUBACK ends the connection; when idle, Paho's
 * keepalive ping does the same. Confined to the worker; Paho's callbacks only post to it.
 */
final class BrokerSession implements Link {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final SyncConfig config;
    private final BrokerEndpoint broker;
    private final String clientId;
    private final String ackTopic;
    private final String configTopic;
    private final String statusTopic;
    private final Supplier<byte[]> offline;
    private final Clock clock;
    private final Worker worker;
    private final PahoClients clients;
    private final SessionListener listener;
    private final Reconnector reconnector;
    private final Generation generation = new Generation();
    private final PubackWatch pubacks = new PubackWatch();

    // Confined to the worker thread.
    private MqttAsyncClient client;
    private boolean connected;
    private boolean closing;
    private String problem;

    /** {@code offline} is the retained status payload for the last will and the goodbye. */
    BrokerSession(SyncConfig config, BrokerEndpoint broker, Supplier<byte[]> offline, Clock clock, Worker worker,
            PahoClients clients, SessionListener listener) {
        this.config = config;
        this.broker = broker;
        this.clientId = "sync-" + config.kioskId();
        this.ackTopic = Topics.acks(config.venueId(), config.kioskId());
        this.configTopic = Topics.config(config.venueId());
        this.statusTopic = Topics.status(config.venueId(), config.kioskId());
        this.offline = offline;
        this.clock = clock;
        this.worker = worker;
        this.clients = clients;
        this.listener = listener;
        this.reconnector = Reconnector.onThread(worker.executor(), clientId,
                Backoff.jittered(config.backoffMin(), config.backoffMax()), this::connect);
    }

    /** Starts connecting (on the worker, after what is already queued). */
    void start() {
        reconnector.start();
    }

    @Override
    public boolean isUp() {
        return connected;
    }

    /** Failed connection attempts in a row (0 once connected). */
    int failures() {
        return reconnector.failures();
    }

    /** The last connection problem in words, or null. */
    String problem() {
        return problem;
    }

    /** True (and the connection dropped) when a publish has waited a whole keepalive for its PUBACK: a half-open link. */
    boolean halfOpen() {
        if (!connected || !pubacks.overdue(clock.instant(), Duration.ofSeconds(config.keepAliveSeconds()))) {
            return false;
        }
        log.warn("no PUBACK from the broker within the keepalive ({} s): treating the connection as half-open",
                config.keepAliveSeconds());
        lost(generation.current(), new TimeoutException("no PUBACK within the keepalive: half-open connection"));
        return true;
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained, IntConsumer accepted) {
        int gen = generation.current();
        Object id = new Object();
        pubacks.sent(id, clock.instant());
        try {
            client.publish(topic, message(payload, retained), null, generation.guard(gen, worker::post,
                    () -> pubacks.answered(id), token -> accepted.accept(firstCode(token)), cause -> lost(gen, cause)));
        } catch (MqttException | RuntimeException e) {
            log.error("publishing on {} failed: {}", topic, MqttErrors.describe(e));
            lost(gen, e);
        }
    }

    @Override
    public void refused(String doing, int reasonCode) {
        dropConnection();
        refusedAfterAbandon(doing, reasonCode);
    }

    /** Says "offline" (retained), disconnects and closes the client; no reconnect after this. On the worker. */
    void close() {
        closing = true;
        reconnector.close();
        MqttAsyncClient current = client;
        if (connected && current != null) {
            try {
                current.publish(statusTopic, message(offline.get(), true), null, null).waitForCompletion(CLOSE_WAIT_MILLIS);
                current.disconnect(CLOSE_WAIT_MILLIS).waitForCompletion(CLOSE_WAIT_MILLIS);
            } catch (MqttException e) {
                log.warn("could not say goodbye to the broker: {}", e.toString());
            }
        }
        connected = false;
        abandonClient();
    }

    // ---- connecting (worker thread) ----

    private void connect() {
        if (closing) {
            return;
        }
        int gen = generation.next();
        try {
            MqttAsyncClient fresh = clients.create(broker.uri(), clientId);
            client = fresh;
            fresh.setCallback(new LinkCallback(clientId, generation.guard(gen, worker::post, new LinkCallback.Listener() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    listener.messageArrived(topic, message.getPayload());
                }

                @Override
                public void connectionLost(MqttException cause) {
                    lost(gen, cause);
                }
            })));
            fresh.connect(options(), null, generation.guard(gen, worker::post, () -> { }, this::onConnected,
                    e -> connectFailed(gen, e)));
        } catch (MqttException | RuntimeException e) {
            connectFailed(gen, e);
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = broker.options();
        options.setAutomaticReconnect(false);
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setKeepAliveInterval(config.keepAliveSeconds());
        options.setConnectionTimeout(Math.max(5, Math.min(30, config.keepAliveSeconds())));
        options.setWill(statusTopic, message(offline.get(), true));
        return options;
    }

    private void onConnected(IMqttToken token) {
        MqttProperties properties = token.getResponseProperties();
        Integer receiveMaximum = properties == null ? null : properties.getReceiveMaximum();
        int brokerMaximum = receiveMaximum == null ? 65_535 : receiveMaximum;
        int gen = generation.current();
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(ackTopic, 1), new MqttSubscription(configTopic, 1),
                new MqttSubscription(FilterSync.TOPICS, 1)},
                    null, generation.guard(gen, worker::post, () -> { }, subscribed -> onSubscribed(subscribed, brokerMaximum),
                            e -> lost(gen, e)),
                    (MqttProperties) null);
        } catch (MqttException e) {
            lost(gen, e);
        }
    }

    private void onSubscribed(IMqttToken token, int brokerMaximum) {
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            refused("subscribing to " + ackTopic, codes[0]);
            return;
        }
        if (codes != null && codes.length > 1 && codes[1] >= 0x80) {
            log.error("the broker refused the venue config subscription {}: {}; check-ins still go out",
                    configTopic, Refusals.describe(codes[1]));
        }
        if (codes != null && codes.length > 2 && codes[2] >= 0x80) {
            log.error("the broker refused the enrolled-card filter subscription {}: {}; every card is welcomed as before",
                    FilterSync.TOPICS, Refusals.describe(codes[2]));
        }
        connected = true;
        reconnector.connected();
        problem = null;
        pubacks.clear();
        listener.connected(brokerMaximum);
    }

    private void connectFailed(int gen, Throwable cause) {
        if (!generation.isCurrent(gen) || closing) {
            return;
        }
        abandonClient();
        int code = MqttErrors.reasonCode(cause);
        if (Refusals.isRefusal(code)) {
            refusedAfterAbandon("connecting", code);
            return;
        }
        problem = "cannot connect to " + config.brokerUri() + ": " + MqttErrors.describe(cause);
        Duration delay = reconnector.retry();
        log.warn("{}; attempt {} failed, retrying in {} ms", problem, reconnector.failures(), delay.toMillis());
        listener.changed();
    }

    private void lost(int gen, Throwable cause) {
        if (!generation.isCurrent(gen) || closing) {
            return;
        }
        boolean wasConnected = connected;
        dropConnection();
        int code = MqttErrors.reasonCode(cause);
        if (Refusals.isRefusal(code)) {
            refusedAfterAbandon("talking to the broker", code);
            return;
        }
        problem = (wasConnected ? "lost the broker: " : "could not set up the session: ") + MqttErrors.describe(cause);
        Duration delay = reconnector.retry();
        log.warn("{}; reconnecting in {} ms", problem, delay.toMillis());
        listener.changed();
    }

    private void refusedAfterAbandon(String doing, int code) {
        problem = "the broker refused this kiosk while " + doing + ": " + Refusals.describe(code)
                + "; check its credentials and the broker's ACL";
        log.error("{}; retrying in {}", problem, reconnector.maxDelay());
        reconnector.retryAfter(reconnector.maxDelay());
        listener.changed();
    }

    private void dropConnection() {
        connected = false;
        abandonClient();
        pubacks.clear();
        listener.disconnected();
    }

    /** Disconnects (forcibly) and closes the current client so none of its threads outlive it. */
    private void abandonClient() {
        MqttAsyncClient old = client;
        client = null;
        generation.retire(); // its late callbacks are ignored from now on
        Reconnector.abandon(old, clientId);
    }

    // ---- plumbing ----

    private static MqttMessage message(byte[] payload, boolean retained) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        return message;
    }

    private static int firstCode(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

}
