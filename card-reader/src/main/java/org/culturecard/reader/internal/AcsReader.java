package org.culturecard.reader.internal;

import java.util.List;
import java.util.Locale;

/**
 * The ACS (Advanced Card Systems) family: readers that follow PC/SC part 3 for the UID and the ATR,
 * with a buzzer and LEDs driven by CCID escape commands. The model is in pcscd's name for the
 * reader ({@code ACS ACR122U PICC Interface 00 00},
 * {@code ACS ACR1252 1S CL Reader [ACR1252 1S CL Reader(1)] 00 00}). Only the models here get
 * commands: an unknown reader could take the bytes for anything.
 */
enum AcsReader implements ReaderModel {
    /**
     * ACR122U "Bi-Color LED and Buzzer Control": FF 00 40 P2 04 T1 T2 repetitions buzzer-link.
     * Success: green blinks once with a short beep; refusal: red blinks three times, each with a beep.
     */
    ACR122U("ACR122") {
        @Override
        public List<byte[]> signal(boolean success) {
            byte led = success ? (byte) 0xA8 : (byte) 0x54; // blink green / blink red, both off after
            byte repetitions = success ? (byte) 0x01 : (byte) 0x03;
            return List.of(new byte[] {(byte) 0xFF, 0x00, 0x40, led, 0x04, 0x02, 0x01, repetitions, 0x01});
        }
    },

    /** ACR1252U "Buzzer Control": E0 00 00 28 01 duration (10 ms units): short for yes, long for no. */
    ACR1252U("ACR1252") {
        @Override
        public List<byte[]> signal(boolean success) {
            byte duration = success ? (byte) 0x0A : (byte) 0x32;
            return List.of(new byte[] {(byte) 0xE0, 0x00, 0x00, 0x28, 0x01, duration});
        }
    };

    private final String inName;

    AcsReader(String inName) {
        this.inName = inName;
    }

    @Override
    public boolean recognises(String readerName) {
        return readerName.toUpperCase(Locale.ROOT).contains(inName);
    }
}
