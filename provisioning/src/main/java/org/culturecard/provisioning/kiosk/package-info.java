/**
 * Kiosk bundles: {@link KioskBundles} writes one directory per kiosk (its configs, key and
 * certificates, all 0600), {@link BulkProvisioner} does many from a {@link BulkCsv} at once, and
 * {@link BundleOutcome} says what each run did. Depends on core and {@code provisioning.ca}; used by
 * the command line, the broker config and the doctor.
 */
package org.culturecard.provisioning.kiosk;
