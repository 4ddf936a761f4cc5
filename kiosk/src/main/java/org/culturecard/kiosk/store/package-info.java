/**
 * The kiosk's SQLite store: {@link SqliteKioskStore} (WAL, {@code synchronous=FULL}, schema by
 * Flyway from core's {@code db/kiosk}) writes a check-in and its outbox row in one transaction and
 * keeps events, staff and settings; {@link StoreHealth} reports a corrupt file moved aside. The
 * records it hands out ({@link StoredEvent}, {@link StaffRow}, {@link PendingCheckIn}) are data
 * only. Depends on core alone; the services, the UI and the composition root depend on it, and it
 * depends on none of them ({@code KioskLayersTest}).
 */
package org.culturecard.kiosk.store;
