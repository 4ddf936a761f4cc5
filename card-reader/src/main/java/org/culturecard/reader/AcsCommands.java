package org.culturecard.reader;

import java.util.List;
import java.util.Locale;

/**
 * The buzzer and LED commands of ACS readers, sent as CCID escape commands (SCardControl with
 * {@link #IOCTL_CCID_ESCAPE}; libccid needs {@code ifdDriverOptions 0x0001} to pass them on).
 * Only reader models known here get commands: an unknown reader could take the bytes for anything.
 */
final class AcsCommands {
    /** SCARD_CTL_CODE(3500) as pcsc-lite defines it on Linux. */
    static final int IOCTL_CCID_ESCAPE = 0x42000000 + 3500;

    private AcsCommands() {}

    /** The escape commands that signal the outcome on this reader, empty when it is not known. */
    static List<byte[]> forReader(String readerName, boolean success) {
        String name = readerName.toUpperCase(Locale.ROOT);
        if (name.contains("ACR122")) {
            return List.of(acr122(success));
        }
        if (name.contains("ACR1252")) {
            return List.of(acr1252Buzzer(success));
        }
        return List.of();
    }

    /**
     * ACR122U "Bi-Color LED and Buzzer Control": FF 00 40 P2 04 T1 T2 repetitions buzzer-link.
     * Success: green blinks once with a short beep; refusal: red blinks three times, each with a beep.
     */
    private static byte[] acr122(boolean success) {
        byte led = success ? (byte) 0xA8 : (byte) 0x54; // blink green / blink red, both off after
        byte repetitions = success ? (byte) 0x01 : (byte) 0x03;
        return new byte[] {(byte) 0xFF, 0x00, 0x40, led, 0x04, 0x02, 0x01, repetitions, 0x01};
    }

    /** ACR1252U "Buzzer Control": E0 00 00 28 01 duration (10 ms units): short for yes, long for no. */
    private static byte[] acr1252Buzzer(boolean success) {
        byte duration = success ? (byte) 0x0A : (byte) 0x32;
        return new byte[] {(byte) 0xE0, 0x00, 0x00, 0x28, 0x01, duration};
    }
}
