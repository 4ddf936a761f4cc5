/**
 * Venue staff as central keeps them and the venue config carries them: {@link StaffMember},
 * {@link VenueStaff}, the venue's {@link StaffAuth} setting, the one PIN hash format
 * ({@link PinHasher}, PBKDF2; the only one: provisioning, central and the kiosk all use it).
 * One definition so that provisioning, central, the sync agent and the kiosk agree; depends only
 * on core's event and privacy packages.
 */
package org.culturecard.core.staff;
