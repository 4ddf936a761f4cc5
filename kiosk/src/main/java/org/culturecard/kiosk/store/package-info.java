/**
 * The kiosk's store, on kiosk-db (ADR 26): {@link SqliteKioskStore} writes a check-in and its outbox
 * row in one transaction and keeps events, staff and settings, each operation one read or write of
 * the kiosk database, and appends enrolment records ({@link EnrolmentStore}, tokens and the band only); {@link StoreHealth} reports a corrupt file moved aside. {@link PendingCheckIn}
 * is a check-in before its sequence number; the rows it hands out are kiosk-db's records. Depends on
 * core and kiosk-db; the services, the UI and the composition root depend on it, and it depends on
 * none of them ({@code KioskLayersTest}).
 */
package org.culturecard.kiosk.store;
