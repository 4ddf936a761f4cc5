/**
 * The kiosk view model: {@link org.culturecard.kiosk.ui.shell.KioskViewModel} decides which screen
 * shows and what the attract and result screens say, from check-in results and reader status (never a
 * tap), and hosts staff mode; its parts are the screen timer, the language choice, the attract status
 * line and the result screens' texts; {@link org.culturecard.kiosk.ui.shell.KioskPorts} is what it needs
 * from the app. Needs no toolkit; used by the screens' views, the window and the composition root.
 */
package org.culturecard.kiosk.ui.shell;
