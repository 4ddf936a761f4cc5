/**
 * Venue staff at central (ADR 12): {@link PostgresVenueStaff} keeps them in PostgreSQL,
 * {@link StaffRecords} holds the admin's use cases (each change re-publishes the venue config),
 * and {@link StaffApi} registers their admin-only routes into the HTTP API. Depends on core, the
 * store's exceptions and {@code json} (reading request bodies); used by the API and the composition root.
 */
package org.culturecard.central.staff;
