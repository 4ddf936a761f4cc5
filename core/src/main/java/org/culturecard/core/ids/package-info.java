/**
 * The ids that appear in topics, certificates and records: {@link KioskId} and {@link VenueId}
 * (lower-case letters, digits and hyphens, checked by one package-private rule), and
 * {@link UuidV7}, the time-ordered id supplier for check-ins and events. The bottom of core:
 * it depends on nothing else of Culture Card, and every module uses it.
 */
package org.culturecard.core.ids;
