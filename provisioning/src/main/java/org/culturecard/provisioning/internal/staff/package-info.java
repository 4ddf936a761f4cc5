/**
 * {@code provision staff}: {@link CentralStaff} and its {@link CentralStaffClient} change a venue's
 * staff through central's admin API (a PIN only as its hash, a card only as its token), and
 * {@link StaffTable} writes a kiosk's own staff table while central does not manage the venue.
 * Depends on core and {@link org.culturecard.provisioning.internal.central.CentralApi}; used by the command line only.
 */
package org.culturecard.provisioning.internal.staff;
