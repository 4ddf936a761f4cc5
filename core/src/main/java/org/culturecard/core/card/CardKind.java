package org.culturecard.core.card;

/** What kind of contactless card was presented, as far as its ATR tells. */
public enum CardKind {
    MIFARE_CLASSIC_1K,
    MIFARE_CLASSIC_4K,
    MIFARE_MINI,
    MIFARE_ULTRALIGHT,
    MIFARE_DESFIRE,
    ISO14443_4_A,
    ISO14443_4_B,
    FELICA,
    ISO15693,
    /** Digits from a keyboard-wedge barcode scanner: a library card with no chip. */
    BARCODE,
    UNKNOWN
}
