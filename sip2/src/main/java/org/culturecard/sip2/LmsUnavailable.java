package org.culturecard.sip2;

import java.util.Objects;

/**
 * The library system could not answer: try again later, nothing was learnt about the card. The
 * {@code detail} is written for a log line (what failed, in protocol terms) and never holds a
 * barcode, PIN, name or birth date.
 */
public record LmsUnavailable(Reason reason, String detail) implements PatronCheck, LmsStatus {
    /** Why the LMS could not answer; each calls for a different fix by IT. */
    public enum Reason {
        /** No TCP connection (refused, no route, unknown host, connect timeout). */
        UNREACHABLE,
        /** The TLS handshake failed (certificate not trusted, wrong host name, protocol mismatch). */
        TLS_FAILED,
        /** Connected, but no complete reply within {@code sip2.read-timeout-ms}. */
        TIMEOUT,
        /** The LMS closed the connection before or during its reply. */
        CONNECTION_DROPPED,
        /** The LMS refused our login (93/94): check {@code sip2.login.*}. */
        LOGIN_REFUSED,
        /** The LMS says it is off-line (ACS status 98, on-line status N). */
        LMS_OFFLINE,
        /** A reply we cannot trust: malformed, wrong checksum, wrong type, too long, or for another patron. */
        BAD_REPLY,
        /** Another request held the connection for longer than one whole exchange may take. */
        BUSY
    }

    public LmsUnavailable {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
