/**
 * Card enrolment at the kiosk (issue 13): {@link org.culturecard.kiosk.enrol.EnrolmentDesk} asks the
 * library system (sip2's {@code LibrarySystem}) about a card and records ENROL, REPLACE and UNDO
 * records through the store's {@code EnrolmentStore}; {@link org.culturecard.kiosk.enrol.CardCapture}
 * takes the chip of the card being registered. Tokens and the age band only leave this package.
 */
package org.culturecard.kiosk.enrol;
