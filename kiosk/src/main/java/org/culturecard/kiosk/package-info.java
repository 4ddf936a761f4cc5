/**
 * The kiosk's composition root and entry points: {@link KioskApp} wires the store, the
 * pseudonymiser, the check-in service and the view model by hand; {@link KioskMain},
 * {@link KioskLauncher}, {@link KioskFxApplication} and {@link KioskWindow} start the window, and
 * {@link KioskHooks} lets the demo plug in without JavaFX types. It may depend on every kiosk
 * package and on card-reader; nothing in the kiosk depends on it (the demo does, as its host).
 */
package org.culturecard.kiosk;
