package org.culturecard.sip2;

/**
 * A library card's barcode as it goes into the SIP2 patron identifier field (AA): the only place the
 * number exists, in memory, for one request. Callers normalise it first (the scheme normalises
 * barcodes one way on every path); this type only refuses what SIP2 cannot carry or what would let a
 * scanned value inject another field: control characters (CR would end the message) and the field
 * delimiter (checked by the codec against the configured one, see {@link Sip2Config#delimiter()}).
 *
 * <p>{@link #toString()} never shows the number: exceptions and log lines that mention a barcode
 * show only its length.
 */
public record PatronBarcode(String value) {
    /** Longer than any library barcode seen (Codabar cards are 14 digits); SIP2 fields carry at most 255. */
    public static final int MAX_LENGTH = 64;

    public PatronBarcode {
        Sip2Text.requireSafe("patron barcode", value, MAX_LENGTH);
    }

    public static PatronBarcode of(String value) {
        return new PatronBarcode(value);
    }

    @Override
    public String toString() {
        return "PatronBarcode[" + value.length() + " chars, masked]";
    }
}
