package org.culturecard.sip2;

/**
 * What the library system says about one card: the closed set of answers a kiosk or the web must
 * handle. Expected outcomes are values, not exceptions; {@link LmsUnavailable} covers every way the
 * question could not be answered (unreachable, timed out, refused login, a reply that cannot be
 * trusted), and means "try again later; nothing was learnt".
 *
 * <p>No variant carries the patron's name, address or barcode. {@link ValidPatron} may carry a
 * {@link BirthDate} (in memory, for an age band) and any variant may carry the LMS's screen message,
 * which is for staff eyes only: it can hold personal data, so it is never stored or logged (every
 * {@code toString()} masks it).
 */
public sealed interface PatronCheck
        permits ValidPatron, UnknownPatron, BlockedPatron, ExpiredCard, LostCard, WrongPin, LmsUnavailable {
}
