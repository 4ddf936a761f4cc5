package org.culturecard.mqttlink;

import org.culturecard.mqttlink.internal.Replies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The reply thread against Mockito's Paho client: a reply first, the broker's ack of the message only after its PUBACK. */
class RepliesTest {
    private static final byte[] REPLY = "ack".getBytes(StandardCharsets.UTF_8);

    private final MqttAsyncClient client = mock(MqttAsyncClient.class);
    private final MqttMessage answered = answered();
    private final Replies replies = new Replies("test");

    @AfterEach
    void close() {
        replies.close();
    }

    @Test
    void completesTheMessageOnlyOnceTheBrokerHasTheReply() throws Exception {
        new PahoInbound(client, "in", answered, replies).replyThenComplete("out/acks", REPLY);

        ArgumentCaptor<MqttMessage> reply = ArgumentCaptor.forClass(MqttMessage.class);
        ArgumentCaptor<MqttActionListener> then = ArgumentCaptor.forClass(MqttActionListener.class);
        verify(client, timeout(2000)).publish(eq("out/acks"), reply.capture(), any(), then.capture());
        assertThat(reply.getValue().getPayload()).isEqualTo(REPLY);
        assertThat(reply.getValue().getQos()).isEqualTo(1);
        verify(client, after(200).never()).messageArrivedComplete(anyInt(), anyInt());

        then.getValue().onSuccess(null);

        verify(client).messageArrivedComplete(42, 1);
    }

    @Test
    void aFailedReplyStillCompletesTheMessageTheKioskSendsItAgainAnyway() throws Exception {
        new PahoInbound(client, "in", answered, replies).replyThenComplete("out/acks", REPLY);
        ArgumentCaptor<MqttActionListener> then = ArgumentCaptor.forClass(MqttActionListener.class);
        verify(client, timeout(2000)).publish(eq("out/acks"), any(MqttMessage.class), any(), then.capture());

        then.getValue().onFailure(null, new MqttException(MqttClientException.REASON_CODE_CONNECTION_LOST));

        verify(client).messageArrivedComplete(42, 1);
    }

    @Test
    void waitsOutAFullInFlightWindowAndThenReplies() throws Exception {
        when(client.publish(eq("out/acks"), any(MqttMessage.class), any(), any()))
                .thenThrow(new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT))
                .thenThrow(new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT))
                .thenReturn(null);

        new PahoInbound(client, "in", answered, replies).replyThenComplete("out/acks", REPLY);

        verify(client, timeout(2000).times(3)).publish(eq("out/acks"), any(MqttMessage.class), any(), any());
        verify(client, never()).messageArrivedComplete(anyInt(), anyInt());
    }

    @Test
    void anyOtherPublishFailureCompletesAtOnce() throws Exception {
        when(client.publish(eq("out/acks"), any(MqttMessage.class), any(), any()))
                .thenThrow(new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED));

        new PahoInbound(client, "in", answered, replies).replyThenComplete("out/acks", REPLY);

        verify(client, timeout(2000)).messageArrivedComplete(42, 1);
    }

    @Test
    void afterAbandonNothingIsRepliedOrCompleted() throws Exception {
        replies.abandon();

        new PahoInbound(client, "in", answered, replies).replyThenComplete("out/acks", REPLY);

        verify(client, after(300).never()).publish(any(String.class), any(MqttMessage.class), any(), any());
        verify(client, never()).messageArrivedComplete(anyInt(), anyInt());
    }

    @Test
    void completingGoesThroughTheClientThatDeliveredAndAFailureIsOnlyLogged() throws Exception {
        PahoInbound inbound = new PahoInbound(client, "in", answered, replies);
        doThrow(new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED))
                .when(client).messageArrivedComplete(42, 1);

        inbound.complete();

        verify(client).messageArrivedComplete(42, 1);
        assertThat(inbound.topic()).isEqualTo("in");
        assertThat(inbound.payload()).isEqualTo("batch".getBytes(StandardCharsets.UTF_8));
    }

    private static MqttMessage answered() {
        MqttMessage message = new MqttMessage("batch".getBytes(StandardCharsets.UTF_8));
        message.setId(42);
        message.setQos(1);
        return message;
    }
}
