/**
 * What the kiosk's SQLite file means to every process that opens it (the kiosk, the sync agent,
 * provisioning): {@link KioskTimes}, how its time columns are written and read, and {@link KioskRows},
 * the statements and row values two of them write. Pure code, no I/O.
 */
package org.culturecard.core.kioskdb;
