package org.culturecard.sip2.internal;

/**
 * The SIP2 error-detection checksum: the two's complement of the 16-bit sum of the message's bytes,
 * from the first byte up to and including the {@code AZ} field id, written as four upper-case hex
 * digits (3M SIP2 spec, "Checksums and Sequence Numbers"). It is a sum of <em>bytes</em> in the wire
 * character set, as Evergreen's {@code Sip/Checksum.pm} computes it ({@code unpack('%16C*')}).
 */
final class Checksum {
    private Checksum() {
    }

    /** The checksum of {@code bytes[0..length)}, as four upper-case hex digits. */
    public static String of(byte[] bytes, int length) {
        return String.format("%04X", (-sum(bytes, length)) & 0xFFFF);
    }

    /** True when the four hex digits at {@code bytes[length-4..length)} are the checksum of what precedes them. */
    public static boolean verifies(byte[] bytes, int length) {
        if (length < 4) {
            return false;
        }
        int given = 0;
        for (int i = length - 4; i < length; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                return false;
            }
            given = given << 4 | digit;
        }
        return ((sum(bytes, length - 4) + given) & 0xFFFF) == 0;
    }

    private static int sum(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFFFF;
    }
}
