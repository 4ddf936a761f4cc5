/**
 * What the kiosk's SQLite file means to every process that opens it (the kiosk, the sync agent,
 * provisioning): {@link KioskTimes}, how its time columns are written and read. Pure code, no I/O.
 */
package org.culturecard.core.kioskdb;
