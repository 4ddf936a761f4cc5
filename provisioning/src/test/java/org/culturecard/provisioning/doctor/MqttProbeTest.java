package org.culturecard.provisioning.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MqttProbeTest {
    @Test
    void writesAnMqtt5ConnectFieldByField() {
        byte[] packet = MqttProbe.connectPacket("k1", 30);
        assertThat(packet).containsExactly(
                0x10, 15,                          // CONNECT, remaining length 15
                0x00, 0x04, 'M', 'Q', 'T', 'T',    // protocol name
                5,                                 // protocol version 5
                0x02,                              // clean start
                0x00, 30,                          // keep alive 30 s
                0x00,                              // no properties
                0x00, 0x02, 'k', '1');             // client id
    }

    @Test
    void readsTheReasonCodeOfAConnAck() throws IOException {
        byte[] success = {0x20, 0x03, 0x00, 0x00, 0x00};
        byte[] notAuthorized = {0x20, 0x03, 0x00, (byte) 0x87, 0x00};
        assertThat(MqttProbe.readConnAckReason(new ByteArrayInputStream(success))).isEqualTo(MqttProbe.SUCCESS);
        assertThat(MqttProbe.readConnAckReason(new ByteArrayInputStream(notAuthorized))).isEqualTo(0x87);
        assertThat(MqttProbe.describe(0x87)).isEqualTo("not authorized");
    }

    @Test
    void refusesAnythingButAConnAck() {
        assertThatThrownBy(() -> MqttProbe.readConnAckReason(new ByteArrayInputStream(new byte[] {0x30, 0x00})))
                .hasMessageContaining("expected CONNACK");
    }
}
