/**
 * The kiosk's SQLite file, owned here (ADR 26): {@link KioskDb} opens it the one way (by
 * {@link KioskDb.Role}: who creates, who migrates, who is read-only) and runs work on the table
 * gateways of {@link Tables} ({@link CheckIns}, {@link Outbox}, {@link EnrolmentOutbox}, {@link Events}, {@link Staff},
 * {@link Settings} with its typed {@link SettingKey}s); {@link KioskTimes} is how time columns are
 * written; {@link KioskDbFiles} checks the file and moves a corrupt one aside. The enrolled-card
 * filter lives in a file beside the database, not in it ({@link EnrolledFilterFile}: the agent
 * replaces it whole by an atomic rename, the kiosk reads it; ADR 26, addendum). Depends on core and
 * sqlite-jdbc; used by the kiosk, the sync agent and provisioning, and nothing else opens the file.
 */
package org.culturecard.kioskdb;
