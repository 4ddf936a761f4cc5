/**
 * The kiosk's screens on JavaFX, MVVM: {@link KioskView} and its screens bind to
 * {@link KioskViewModel} and {@link StaffViewModel}, which need no toolkit and reach the services
 * through {@link KioskPorts} and {@link org.culturecard.kiosk.staff.StaffPort}, with the threading
 * seams {@link TaskExecutor} (work off the FX thread), {@link Scheduler} and {@link UiThread};
 * {@link Messages} holds every word. Depends on the check-in and staff services, the barcode wedge,
 * the config, the store's records (never {@code SqliteKioskStore} or JDBC) and the reader's events;
 * in the kiosk only the composition root depends on it ({@code KioskLayersTest}), outside it the
 * demo as the kiosk's host.
 */
package org.culturecard.kiosk.ui;
