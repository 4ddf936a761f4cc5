/**
 * The kiosk's window content on JavaFX, MVVM: {@link org.culturecard.kiosk.ui.KioskView} stacks the
 * screens of {@code ui.attract}, {@code ui.result}, {@code ui.pin} and {@code ui.staff}, shows the one
 * the view model's screen names, applies the theme, and routes keys. Below it: {@code ui.shell} (the
 * kiosk view model), {@code ui.screen} (screens and words), {@code ui.sound} and {@code ui.fx} (threads).
 * No ui package sees a card tap or the reader ({@code KioskLayersTest}); in the kiosk only the
 * composition root depends on ui, outside it the demo as the kiosk's host.
 */
package org.culturecard.kiosk.ui;
