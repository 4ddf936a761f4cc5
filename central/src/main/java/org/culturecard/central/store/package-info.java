/**
 * The central store on PostgreSQL: the ports {@link CheckInStore}, {@link CheckInQueries} and
 * {@link FleetCounts}, their adapters {@link PostgresCheckInStore} and {@link PostgresFleetStore}
 * (HikariCP, Flyway), the dead-letter, held check-in and retention tables, and the records that
 * cross them. The bottom layer of central: it depends on core only, and the API, ingest, the fleet,
 * reports, staff, dead letters, retention and metrics depend on it ({@code CentralLayersTest}).
 */
package org.culturecard.central.store;
