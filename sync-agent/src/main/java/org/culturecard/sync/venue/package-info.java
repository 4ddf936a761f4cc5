/**
 * The kiosk's events, staff and settings tables seen from the sync agent, through kiosk-db:
 * {@link SqliteVenueEvents} applies central's venue config snapshots (staff part included, in one
 * transaction, by {@link VenueStaffRows}'s rules) and reads the events staff made on the kiosk
 * ({@link KioskEvent}) for sending up. Depends on core, kiosk-db and {@code sync.outbox}'s
 * {@code OutboxException}; used by the agent only.
 */
package org.culturecard.sync.venue;
