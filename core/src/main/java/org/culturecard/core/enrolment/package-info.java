/**
 * Card enrolment (issue 13): what is kept of a card holder ({@link AgeBand}, derived in memory from
 * a birth date that is then discarded), the {@link Enrolment} record a kiosk sends when it binds a
 * card's chip and barcode tokens, and the {@link EnrolledFilter} that tells a kiosk whether a token
 * is enrolled without a list of people. Depends on {@code core.privacy} (tokens), {@code core.ids},
 * {@code core.event} (wire codes) and the fastfilter library; used by the wire format, the kiosk's
 * enrolment, the sync agent and central.
 */
package org.culturecard.core.enrolment;
