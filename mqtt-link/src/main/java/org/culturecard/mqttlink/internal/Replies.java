package org.culturecard.mqttlink.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.culturecard.mqttlink.DurableSubscriber;

/**
 * A {@link DurableSubscriber}'s reply thread: publishes each reply, then completes the message it
 * answers once the broker has the reply. Publishing on Paho's callback thread deadlocks under
 * load: when the client's in-flight window is full, the PUBACKs that would free it are read by the
 * receiver thread, which itself waits for room in the callback queue that thread is not draining
 * (central's fuzz test stalled 5 s at a time). So replies queue here (10,000 at most: beyond that,
 * or once closed, a message is left to be redelivered), and a full window is waited out for up to
 * 5 s. Nothing here blocks a Paho thread.
 */
public final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    private static final int QUEUE = 10_000;
    private static final Duration WINDOW_WAIT = Duration.ofSeconds(5);

    private final ThreadPoolExecutor thread;

    public Replies(String name) {
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "mqtt-replies-" + name);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues the reply; returns at once. */
    public void send(MqttAsyncClient source, String topic, byte[] reply, MqttMessage answered) {
        try {
            thread.execute(() -> publishThenComplete(source, topic, reply, answered));
        } catch (RejectedExecutionException e) {
            LOG.warn("reply queue full or closed; leaving the message answered on {} to be redelivered", topic);
        }
    }

    /** Sends what is queued (up to 2 s), then stops. */
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdownNow();
    }

    /** Stops at once; queued replies are dropped (their messages are redelivered). */
    public void abandon() {
        thread.shutdownNow();
    }

    /** Acknowledges {@code message} to the broker through {@code source}; never throws. */
    public static void complete(MqttAsyncClient source, MqttMessage message) {
        try {
            source.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException | RuntimeException e) {
            LOG.warn("could not acknowledge message {} to the broker (it will be redelivered): {}", message.getId(), e.toString());
        }
    }

    /**
     * The broker ack comes only when the broker has confirmed the reply (PUBACK), so it can never
     * overtake it (Paho sends acks ahead of queued publishes). A failed reply completes the message
     * all the same: the sender republishes after its timeout and is answered then.
     */
    private static void publishThenComplete(MqttAsyncClient source, String topic, byte[] reply, MqttMessage answered) {
        long deadline = System.nanoTime() + WINDOW_WAIT.toNanos();
        MqttActionListener then = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                complete(source, answered);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                LOG.warn("the reply on {} failed: {}", topic, exception.toString());
                complete(source, answered);
            }
        };
        while (true) {
            try {
                MqttMessage message = new MqttMessage(reply);
                message.setQos(1);
                source.publish(topic, message, null, then);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > deadline
                        || !pause()) {
                    LOG.warn("could not publish the reply on {}: {}", topic, e.getMessage());
                    complete(source, answered);
                    return;
                }
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(2);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
