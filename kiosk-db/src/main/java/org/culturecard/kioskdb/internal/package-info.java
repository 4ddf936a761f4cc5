/**
 * How kiosk-db reaches the SQLite file, not its API: {@link Connections} (the only place a connection
 * is made, with the pragmas of ADR 26), {@link Migrations} (forward-only scripts in Flyway's schema
 * history) and {@link Sql}, the statement helpers of the gateways. Uses the JDK and sqlite-jdbc only;
 * used by {@code org.culturecard.kioskdb} alone (ArchitectureTest).
 */
package org.culturecard.kioskdb.internal;
