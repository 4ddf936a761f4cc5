/**
 * Staff mode: {@link org.culturecard.kiosk.ui.staff.StaffViewModel} (PIN pad, events, status,
 * settings; through the staff service's port) and its views, one class per page. It reaches the rest
 * of the screens through {@link org.culturecard.kiosk.ui.staff.StaffHost} only; used by the shell,
 * the PIN pad and the window.
 */
package org.culturecard.kiosk.ui.staff;
