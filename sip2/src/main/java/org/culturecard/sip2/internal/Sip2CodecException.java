package org.culturecard.sip2.internal;

/**
 * A message that is not SIP2 as this codec reads it: the only exception decoding throws, whatever
 * the bytes. The message says what is wrong in protocol terms (positions, lengths, field ids) and
 * never quotes the message's content, which may hold a barcode, a name or a birth date.
 */
public final class Sip2CodecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean badChecksum;

    public Sip2CodecException(String message) {
        this(message, false);
    }

    private Sip2CodecException(String message, boolean badChecksum) {
        super(message);
        this.badChecksum = badChecksum;
    }

    /** The message arrived whole but its checksum does not match: the spec's answer is to ask for it again (97). */
    static Sip2CodecException checksumMismatch() {
        return new Sip2CodecException("the checksum (AZ) does not match the message", true);
    }

    public boolean isChecksumMismatch() {
        return badChecksum;
    }
}
