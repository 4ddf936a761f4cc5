/**
 * The kiosk's events, staff and settings tables seen from the sync agent: {@link SqliteVenueEvents}
 * applies central's venue config snapshots (staff part included, in one transaction) and reads the
 * events staff made on the kiosk ({@link KioskEvent}) for sending up. Depends on core and
 * {@code sync.outbox}'s {@code KioskDatabase}; used by the agent only.
 */
package org.culturecard.sync.venue;
