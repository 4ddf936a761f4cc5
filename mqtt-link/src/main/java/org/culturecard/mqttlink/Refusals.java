package org.culturecard.mqttlink;

import java.util.Map;

/**
 * MQTT 5 reason codes by which a broker refuses a kiosk's identity or permissions. Retrying soon
 * cannot fix them (an IT person must), so the agent reports them as such and waits the longest backoff.
 */
public final class Refusals {
    private static final Map<Integer, String> REFUSALS = Map.of(
            0x85, "client identifier not valid",
            0x86, "bad user name or password",
            0x87, "not authorized",
            0x8A, "banned",
            0x8C, "bad authentication method");

    private Refusals() {}

    public static boolean isRefusal(int reasonCode) {
        return REFUSALS.containsKey(reasonCode);
    }

    /** E.g. {@code "not authorized (0x87)"}. */
    public static String describe(int reasonCode) {
        return REFUSALS.getOrDefault(reasonCode, "reason") + String.format(" (0x%02X)", reasonCode);
    }
}
