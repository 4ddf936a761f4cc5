package org.culturecard.mqttlink;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.culturecard.mqttlink.internal.Replies;

/**
 * A subscriber whose messages survive it: a persistent session (kept 120 s, so a restarted
 * subscriber with the same client id resumes it), QoS 1, manual acks, and a receive maximum of 100
 * that bounds what waits while the handler is slow (back-pressure). Each message goes to the
 * handler on Paho's callback thread as an {@link Inbound}, which the handler completes, or answers
 * and completes, when it has done with it; a message never completed is redelivered. Reconnects
 * with backoff through {@link Reconnector}; callbacks of a client given up are ignored
 * ({@link Generation}). Central's ingest workers are its users (on {@code $share/...}: messages
 * arrive on Paho's client-wide callback, which works for shared subscriptions).
 */
public final class DurableSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableSubscriber.class);
    private static final int QOS = 1;
    private static final long SESSION_EXPIRY_SECONDS = 120;
    private static final int RECEIVE_MAXIMUM = 100;
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);

    private final BrokerEndpoint broker;
    private final String clientId;
    private final String filter;
    private final Consumer<Inbound> handler;
    private final Reconnector reconnector;
    private final Replies replies;
    private final Generation generation = new Generation();
    private final AtomicLong connects = new AtomicLong();
    private volatile MqttAsyncClient client;
    private volatile boolean subscribed;
    private volatile boolean closed;

    /**
     * Subscribes {@code clientId} to {@code filter} once started. {@code handler} runs on Paho's
     * callback thread; while it waits, no further message is delivered (back-pressure).
     */
    public DurableSubscriber(BrokerEndpoint broker, String clientId, String filter, Consumer<Inbound> handler) {
        this.broker = broker;
        this.clientId = clientId;
        this.filter = filter;
        this.handler = handler;
        this.replies = new Replies(clientId);
        this.reconnector = new Reconnector(clientId, this::connect);
    }

    /** Starts connecting in the background; returns at once. */
    public DurableSubscriber start() {
        reconnector.start();
        return this;
    }

    /** True once connected and subscribed (and until the connection drops). */
    public boolean isSubscribed() {
        return subscribed;
    }

    /** Waits until subscribed; false if the time ran out. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!subscribed) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Successful connects (and subscribes) since start. */
    public long connects() {
        return connects.get();
    }

    /** Disconnects and stops reconnecting; replies queued go out first (up to 2 s); uncompleted messages stay with the broker. */
    @Override
    public void close() {
        stop(false);
    }

    /**
     * Drops the connection as a crash would (no DISCONNECT, nothing more sent or completed), for
     * tests: messages in flight stay in the session until a subscriber with the same client id resumes it.
     */
    public void abandon() {
        stop(true);
    }

    private void stop(boolean crash) {
        closed = true;
        subscribed = false;
        reconnector.close();
        if (crash) {
            replies.abandon();
        } else {
            replies.close();
        }
        generation.retire();
        MqttAsyncClient last = client;
        client = null;
        if (crash) {
            Reconnector.abandon(last, clientId);
        } else {
            Reconnector.discard(last, clientId);
        }
    }

    private void connect() throws MqttException {
        generation.retire();
        Reconnector.discard(client, clientId);
        MqttAsyncClient candidate = null;
        try {
            candidate = PahoClients.inMemory().create(broker.uri(), clientId);
            candidate.setManualAcks(true);
            MqttAsyncClient owner = candidate; // completions and replies go back through the client that delivered
            candidate.setCallback(new LinkCallback(clientId, generation.guard(generation.next(), new LinkCallback.Listener() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    handler.accept(new PahoInbound(owner, topic, message, replies));
                }

                @Override
                public void connectionLost(MqttException cause) {
                    disconnected(cause);
                }
            })));
            candidate.connect(options()).waitForCompletion(ACTION_TIMEOUT.toMillis());
            IMqttToken subscription = candidate.subscribe(filter, QOS);
            subscription.waitForCompletion(ACTION_TIMEOUT.toMillis());
            requireGranted(subscription);
            client = candidate;
            subscribed = true;
            connects.incrementAndGet();
            LOG.info("{} subscribed to {} on {}", clientId, filter, broker);
        } catch (MqttException | RuntimeException e) {
            generation.retire();
            Reconnector.discard(candidate, clientId);
            throw e;
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = broker.options();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) ACTION_TIMEOUT.toSeconds());
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        return options;
    }

    private static void requireGranted(IMqttToken subscription) throws MqttException {
        int[] codes = subscription.getReasonCodes();
        if (codes == null || codes.length == 0 || codes[0] >= 0x80) {
            throw new MqttException(codes == null || codes.length == 0 ? MqttException.REASON_CODE_CLIENT_EXCEPTION : codes[0]);
        }
    }

    private void disconnected(MqttException cause) {
        if (!closed) {
            subscribed = false;
            reconnector.connectionLost("disconnected: " + MqttErrors.describe(cause));
        }
    }
}
