/**
 * The UI's thread plumbing and node helpers: {@link org.culturecard.kiosk.ui.fx.TaskExecutor} (work
 * off the FX thread), {@link org.culturecard.kiosk.ui.fx.Scheduler}, {@link org.culturecard.kiosk.ui.fx.UiThread}
 * and their JavaFX implementations, weak listeners ({@code Watch}) and {@code Nodes}. Depends on no
 * other kiosk package; every ui package may use it.
 */
package org.culturecard.kiosk.ui.fx;
