package org.culturecard.sip2;

/**
 * The library management system, the source of truth for "is this a valid library card" (DESIGN.md,
 * "Identity"). Every method answers with a value and never throws for anything the LMS or the
 * network does: {@link LmsUnavailable} is the answer when it cannot be asked. Implementations are
 * thread-safe; a call may block for up to the configured connect and read timeouts, so never call
 * one on a UI thread.
 *
 * <p>Real adapter: {@code org.culturecard.sip2.client.Sip2LibrarySystem} (SIP2 over TCP or TLS).
 * Fake: {@link InMemoryLibrarySystem}. Both pass the same contract test.
 */
public interface LibrarySystem extends AutoCloseable {

    /**
     * Patron status (SIP2 23/24): is this barcode a valid, unblocked card that is not reported lost?
     * Needs no PIN and returns no name or address: use it wherever validity is all you need. Most
     * LMSs (Evergreen among them) put no expiry or birth date in this reply, so an expired card
     * usually shows as {@link BlockedPatron} here, and {@link ValidPatron} carries neither date.
     */
    PatronCheck patronStatus(PatronBarcode barcode);

    /**
     * Patron information (SIP2 63/64, then 35/36 to end the session) without a PIN, for staff-assisted
     * enrolment: the reply adds the card's expiry and the holder's birth date where the LMS gives
     * them. The LMS also sends the patron's name and address; they are dropped while parsing.
     */
    PatronCheck patronInformation(PatronBarcode barcode);

    /**
     * Patron information with the card's PIN (sent in AD, and in no other message), for self-service:
     * as {@link #patronInformation(PatronBarcode)}, and a wrong PIN gives {@link WrongPin} and nothing
     * else about the card.
     */
    PatronCheck patronInformation(PatronBarcode barcode, PatronPin pin);

    /** Login (where configured) and SC status (SIP2 99/98): for doctor checks and status screens. */
    LmsStatus scStatus();

    /** Ends the connection; later calls answer {@link LmsUnavailable}. */
    @Override
    void close();
}
