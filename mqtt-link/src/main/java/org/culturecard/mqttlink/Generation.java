package org.culturecard.mqttlink;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Which of a connection's Paho clients is the current one. Each client made gets the next
 * generation and from then on is the only one heard: a callback of a client since given up (a late
 * "disconnected", a message still in Paho's queue, an action listener's outcome) carries an older
 * generation and is ignored, so it can neither tear down nor feed the client that replaced it.
 * Thread-safe; callers that hand callbacks to another thread check {@link #isCurrent} again there.
 */
public final class Generation {
    private final AtomicInteger current = new AtomicInteger();

    /** A new client: its generation, current from now on; every earlier one is stale. */
    public int next() {
        return current.incrementAndGet();
    }

    /** The current client is given up and none replaces it yet: every generation is stale. */
    public void retire() {
        current.incrementAndGet();
    }

    /** The generation of the current client (a stale one after {@link #retire()}). */
    public int current() {
        return current.get();
    }

    public boolean isCurrent(int generation) {
        return current.get() == generation;
    }

    /** {@code listener} as heard by client {@code generation}: only while that client is current. */
    public LinkCallback.Listener guard(int generation, LinkCallback.Listener listener) {
        return new LinkCallback.Listener() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (isCurrent(generation)) {
                    listener.messageArrived(topic, message);
                }
            }

            @Override
            public void connectionLost(MqttException cause) {
                if (isCurrent(generation)) {
                    listener.connectionLost(cause);
                }
            }
        };
    }

    /**
     * {@code listener} as heard by client {@code generation}, for a connection confined to one
     * thread: each call is handed to {@code executor} and runs there only if that client is still
     * current when it runs.
     */
    public LinkCallback.Listener guard(int generation, Executor executor, LinkCallback.Listener listener) {
        return new LinkCallback.Listener() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                executor.execute(() -> {
                    if (isCurrent(generation)) {
                        listener.messageArrived(topic, message);
                    }
                });
            }

            @Override
            public void connectionLost(MqttException cause) {
                executor.execute(() -> {
                    if (isCurrent(generation)) {
                        listener.connectionLost(cause);
                    }
                });
            }
        };
    }

    /**
     * A Paho action listener for an operation of client {@code generation}: {@code answered} runs at
     * once on Paho's thread when the broker answers (e.g. to note a PUBACK without queueing behind
     * the connection's thread); the outcome is handed to {@code executor} and runs there only if
     * that client is still current.
     */
    public MqttActionListener guard(int generation, Executor executor, Runnable answered, Consumer<IMqttToken> success,
            Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                answered.run();
                executor.execute(() -> {
                    if (isCurrent(generation)) {
                        success.accept(token);
                    }
                });
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                executor.execute(() -> {
                    if (isCurrent(generation)) {
                        failure.accept(cause);
                    }
                });
            }
        };
    }
}
