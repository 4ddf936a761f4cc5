package org.culturecard.testsupport.sip2;

/**
 * The ways the test server misbehaves on purpose, each a failure real LMSs and networks produce.
 * A fault applies to the replies of the message codes given to {@link Sip2TestServer#fault}
 * (patron status 23 and patron information 63 by default), until set back to {@link #NONE}.
 */
public enum Sip2Fault {
    /** Behave. */
    NONE,
    /** Read the request, never answer, keep the connection open, and ignore everything after it (a half-open LMS). */
    NEVER_REPLY,
    /** Close the connection instead of answering. */
    DROP_BEFORE_REPLY,
    /** Send the first half of the reply, then close the connection. */
    DROP_MID_REPLY,
    /** Answer with random bytes (no CR among them) and a CR. */
    GARBAGE,
    /** Answer with a checksum that does not match, every time (also when asked to resend). */
    BAD_CHECKSUM,
    /** Answer with a bad checksum once; answer a resend request (97) correctly. */
    BAD_CHECKSUM_ONCE,
    /** Answer with the sequence number of another request. */
    WRONG_SEQUENCE,
    /** Answer about another patron (a different AA). */
    OTHER_PATRON,
    /** Answer with the other patron reply type (64 for 23, 24 for 63). */
    WRONG_MESSAGE_TYPE,
    /** Answer with a reply whose fixed part is cut short. */
    MALFORMED,
    /** Answer with a reply of 100,000 bytes (a screen message that never ends). */
    OVERLONG_REPLY,
    /** Answer 96 (please resend) once, then answer the resent request properly. */
    ASK_RESEND_ONCE,
    /** Answer twice: the right reply, then a copy of it, which the client must not take for its next answer. */
    DOUBLE_REPLY
}
