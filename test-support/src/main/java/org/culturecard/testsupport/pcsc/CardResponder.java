package org.culturecard.testsupport.pcsc;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * How a {@link VirtualCard} answers an APDU: return the response APDU, or {@code null} to be pulled
 * off the reader at that moment (the card closes its connection instead of answering). It may sleep
 * to act as a slow card.
 */
@FunctionalInterface
public interface CardResponder {

    byte[] respond(byte[] apdu) throws InterruptedException;

    /** The GET DATA UID command contactless readers answer: {@code FF CA 00 00 00}. */
    static boolean isGetUid(byte[] apdu) {
        return apdu.length >= 4 && (apdu[0] & 0xFF) == 0xFF && (apdu[1] & 0xFF) == 0xCA
                && apdu[2] == 0 && apdu[3] == 0;
    }

    /** Answers GET DATA UID with the UID and 90 00, anything else with 6D 00 (not supported). */
    static CardResponder uid(byte[] uid) {
        byte[] answer = concat(uid, hex("9000"));
        return apdu -> isGetUid(apdu) ? answer.clone() : hex("6D00");
    }

    /** Answers GET DATA UID with {@code response} (e.g. 6A81, garbage, one byte). */
    static CardResponder getUidAnswers(byte[] response) {
        return apdu -> isGetUid(apdu) ? response.clone() : hex("6D00");
    }

    /** As a card that wants the exact length: 6C xx to Le=00, the UID to Le=xx. */
    static CardResponder wrongLengthFirst(byte[] uid) {
        byte[] answer = concat(uid, hex("9000"));
        return apdu -> {
            if (!isGetUid(apdu)) {
                return hex("6D00");
            }
            int le = apdu.length == 5 ? apdu[4] & 0xFF : 0;
            return le == uid.length ? answer.clone() : new byte[] {0x6C, (byte) uid.length};
        };
    }

    /** Waits {@code millis} before letting {@code inner} answer: a slow card. */
    static CardResponder delayed(long millis, CardResponder inner) {
        return apdu -> {
            Thread.sleep(millis);
            return inner.respond(apdu);
        };
    }

    /** Waits {@code millis}, then leaves the reader without answering: a card pulled mid-read. */
    static CardResponder pulledAfter(long millis) {
        return apdu -> {
            Thread.sleep(millis);
            return null;
        };
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
