/**
 * Kiosk bundles: {@link KioskBundles} writes one directory per kiosk (its configs, key and
 * certificates, all 0600), {@link KioskRegistry} lists them and {@link BundleOutcome} says what each
 * run did; {@code kiosk.internal} does many from a CSV at once and registers kiosks at central. Depends on
 * core and {@code provisioning.ca}; used by the command line, the broker config, the doctor and the
 * demo's tests.
 */
package org.culturecard.provisioning.kiosk;
