/**
 * {@code provision kiosk}'s helpers, used by no other module: {@code BulkProvisioner} makes many bundles
 * from a {@code BulkCsv} at once, and {@code CentralKioskClient} registers kiosks through central's admin
 * API. Depends on core, {@code provisioning.kiosk} and {@code provisioning.internal.central}.
 */
package org.culturecard.provisioning.kiosk.internal;
