package org.culturecard.sip2;

/**
 * The answer to "can we talk to the library system?" (login and SC status), for {@code provision
 * doctor} and the kiosk's status screen.
 */
public sealed interface LmsStatus permits LmsOnline, LmsUnavailable {
}
