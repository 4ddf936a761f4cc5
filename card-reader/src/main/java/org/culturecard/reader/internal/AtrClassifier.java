package org.culturecard.reader.internal;

import java.util.Arrays;
import org.culturecard.core.card.CardKind;

/**
 * Tells the kind of a contactless card from the ATR its reader synthesises. Readers that follow
 * PC/SC part 3 build, for storage cards, {@code 3B 8F 80 01 80 4F 0C A0 00 00 03 06 SS NN NN ...}
 * (registered application provider A0 00 00 03 06, the standard byte SS and the card name NN NN);
 * for ISO 14443-4 cards they build {@code 3B 8n 80 01} followed by the card's historical bytes
 * (type A) or its ATQB application data and protocol info (type B, always 8 bytes).
 */
public final class AtrClassifier {
    private static final byte[] PCSC_RID = {(byte) 0xA0, 0x00, 0x00, 0x03, 0x06};

    private AtrClassifier() {}

    public static CardKind classify(byte[] atr) {
        if (atr == null || atr.length < 4) {
            return CardKind.UNKNOWN;
        }
        int rid = indexOf(atr, PCSC_RID);
        if (rid >= 0 && rid + 7 < atr.length) {
            int standard = atr[rid + 5] & 0xFF;
            int name = ((atr[rid + 6] & 0xFF) << 8) | (atr[rid + 7] & 0xFF);
            return fromPart3(standard, name);
        }
        if (isIso14443Part4(atr)) {
            return fromHistoricalBytes(historicalBytes(atr));
        }
        return CardKind.UNKNOWN;
    }

    private static CardKind fromPart3(int standard, int name) {
        switch (name) {
            case 0x0001:
                return CardKind.MIFARE_CLASSIC_1K;
            case 0x0002:
                return CardKind.MIFARE_CLASSIC_4K;
            case 0x0026:
                return CardKind.MIFARE_MINI;
            case 0x0036: // MIFARE Plus SL1 2K: Classic-compatible
            case 0x0038: // MIFARE Plus SL2 2K
                return CardKind.MIFARE_CLASSIC_1K;
            case 0x0037: // MIFARE Plus SL1 4K
            case 0x0039: // MIFARE Plus SL2 4K
                return CardKind.MIFARE_CLASSIC_4K;
            case 0x0003: // Ultralight and NTAG
            case 0x003A: // Ultralight C
            case 0x003D: // Ultralight EV1
                return CardKind.MIFARE_ULTRALIGHT;
            case 0x003B:
            case 0xF011:
            case 0xF012:
                return CardKind.FELICA;
            default:
                return fromStandard(standard);
        }
    }

    private static CardKind fromStandard(int standard) {
        if (standard >= 0x09 && standard <= 0x0C) {
            return CardKind.ISO15693;
        }
        if (standard == 0x11) {
            return CardKind.FELICA;
        }
        return CardKind.UNKNOWN;
    }

    /** {@code 3B 8n 80 01}: T0 says TD1 follows, TD1 = 80 (T=0, TD2 follows), TD2 = 01 (T=1). */
    private static boolean isIso14443Part4(byte[] atr) {
        return (atr[0] & 0xFF) == 0x3B && (atr[1] & 0xF0) == 0x80
                && (atr[2] & 0xFF) == 0x80 && (atr[3] & 0xFF) == 0x01
                && atr.length >= 4 + (atr[1] & 0x0F);
    }

    private static byte[] historicalBytes(byte[] atr) {
        int count = atr[1] & 0x0F;
        return Arrays.copyOfRange(atr, 4, 4 + count);
    }

    private static CardKind fromHistoricalBytes(byte[] historical) {
        if (historical.length == 1 && (historical[0] & 0xFF) == 0x80) {
            return CardKind.MIFARE_DESFIRE;
        }
        if (startsWith(historical, 0x06, 0x75, 0x77, 0x81, 0x02, 0x80)) {
            return CardKind.MIFARE_DESFIRE; // DESFire EV1 and later announce themselves so
        }
        if (historical.length == 8 && (historical[5] & 0x0F) == 0x01) {
            // ATQB application data (4), protocol info (3: bit rates, frame size | protocol type 1
            // for ISO 14443-4, FWI | ADC | FO), MBLI | CID
            return CardKind.ISO14443_4_B;
        }
        return CardKind.ISO14443_4_A;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
