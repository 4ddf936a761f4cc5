/**
 * Staff mode's application services: {@link StaffAuthenticator} and the {@link StaffAuthRules} of
 * ADR 12 for opening staff mode (card, PIN or both, with one lockout), the {@link StaffPort} the
 * staff screens use and its implementation {@link StaffDesk}, and the values they exchange
 * ({@link PinOutcome}, {@link EventDraft}, {@link StatusFacts}). Depends on core,
 * {@code kiosk.store} and {@code kiosk.config}; used by the UI and the check-in service, never the
 * other way.
 */
package org.culturecard.kiosk.staff;
