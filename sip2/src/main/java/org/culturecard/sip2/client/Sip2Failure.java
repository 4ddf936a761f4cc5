package org.culturecard.sip2.client;

import org.culturecard.sip2.LmsUnavailable.Reason;
import org.culturecard.sip2.internal.Sip2CodecException;

/**
 * Why one exchange with the LMS failed, with a message fit for a log line: protocol terms, lengths
 * and timeouts, never a barcode, PIN, name or birth date. {@link #stale()} marks a failure that
 * shows only that a reused connection had already been closed by the LMS (it said nothing to our
 * request), which the session answers by reconnecting and asking once more.
 */
final class Sip2Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Reason reason;
    private final boolean stale;

    private Sip2Failure(Reason reason, String message, boolean stale, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.stale = stale;
    }

    static Sip2Failure of(Reason reason, String message) {
        return new Sip2Failure(reason, message, false, null);
    }

    static Sip2Failure of(Reason reason, String message, Throwable cause) {
        return new Sip2Failure(reason, message, false, cause);
    }

    /** The connection was closed (or reset) before the LMS sent a byte of its reply. */
    static Sip2Failure stale(String message) {
        return new Sip2Failure(Reason.CONNECTION_DROPPED, message, true, null);
    }

    static Sip2Failure badReply(Sip2CodecException e) {
        return new Sip2Failure(Reason.BAD_REPLY, e.getMessage(), false, null);
    }

    Reason reason() {
        return reason;
    }

    boolean stale() {
        return stale;
    }
}
