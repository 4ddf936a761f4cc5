/**
 * What every screen shares: {@link org.culturecard.kiosk.ui.screen.Screen} (each screen and its
 * group, stated) and {@link org.culturecard.kiosk.ui.screen.Messages} (every word, from the bundles).
 * Depends on no other ui package.
 */
package org.culturecard.kiosk.ui.screen;
