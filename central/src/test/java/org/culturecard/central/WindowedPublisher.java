package org.culturecard.central;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes at QoS 1 without waiting for each PUBACK: up to {@code window} messages are in flight
 * at once, so a test can push thousands of messages in seconds instead of one round trip each.
 * {@link #flush()} waits until every PUBACK is in and rethrows the first failure.
 */
public final class WindowedPublisher implements AutoCloseable {

    private final MqttAsyncClient client;
    private final Semaphore window;
    private final int size;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public WindowedPublisher(String brokerUri, String clientId, int window) throws MqttException {
        this.size = window;
        this.window = new Semaphore(window);
        this.client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setReceiveMaximum(window);
        client.connect(options).waitForCompletion(10_000);
    }

    /** Sends one message, blocking only while the window is full. */
    public void publish(String topic, byte[] payload) throws MqttException, InterruptedException {
        if (!window.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no PUBACK for 30 s");
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failure.compareAndSet(null, exception);
                window.release();
            }
        });
    }

    /** Waits for every outstanding PUBACK. */
    public void flush() throws InterruptedException {
        if (!window.tryAcquire(size, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("PUBACKs still outstanding after 60 s");
        }
        window.release(size);
        if (failure.get() != null) {
            throw new IllegalStateException("a publish failed", failure.get());
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
