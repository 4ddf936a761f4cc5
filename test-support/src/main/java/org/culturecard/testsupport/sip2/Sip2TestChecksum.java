package org.culturecard.testsupport.sip2;

import java.nio.charset.Charset;

/**
 * The server's own SIP2 checksum (the spec's ACS side): minus the 16-bit sum of the bytes up to and
 * including "AZ", four upper-case hex digits.
 */
final class Sip2TestChecksum {
    private Sip2TestChecksum() {
    }

    static String of(byte[] head) {
        int sum = 0;
        for (byte b : head) {
            sum += b & 0xFF;
        }
        return String.format("%04X", -sum & 0xFFFF);
    }

    /** True when {@code line} ends with AZ and the checksum of everything before the four digits. */
    static boolean verifies(String line, Charset charset) {
        if (line.length() < 6 || !line.startsWith("AZ", line.length() - 6)) {
            return false;
        }
        String given = line.substring(line.length() - 4);
        return given.equalsIgnoreCase(of(line.substring(0, line.length() - 4).getBytes(charset)));
    }
}
