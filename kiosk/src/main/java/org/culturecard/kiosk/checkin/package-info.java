/**
 * The check-in application service: {@link CheckInService} turns a card tap (or a barcode) into a
 * {@link CheckInResult}, pseudonymising the UID at once and recording the check-in with its outbox
 * row in one store transaction; {@link Station} says who records, {@link ClockSync} whether the
 * clock was synchronised. Depends on core, {@code kiosk.store} and {@code kiosk.staff}; used by the
 * UI and the composition root, and never depends on them ({@code KioskLayersTest}).
 */
package org.culturecard.kiosk.checkin;
