package org.culturecard.mqttlink;

import org.eclipse.paho.mqttv5.common.MqttException;

/** What a Paho failure says, for a log line or a status: its message, its reason code and its cause. */
public final class MqttErrors {
    private MqttErrors() {}

    /** The MQTT reason code of {@code cause}, or -1 when it is not an {@link MqttException}. */
    public static int reasonCode(Throwable cause) {
        return cause instanceof MqttException mqtt ? mqtt.getReasonCode() : -1;
    }

    /** E.g. {@code "Not authorized (135): ..."}; Paho's own text alone omits the code and the cause. */
    public static String describe(Throwable cause) {
        if (cause instanceof MqttException mqtt) {
            Throwable inner = mqtt.getCause();
            return mqtt.getMessage() + " (" + mqtt.getReasonCode() + ")" + (inner == null ? "" : ": " + inner.getMessage());
        }
        return String.valueOf(cause);
    }
}
