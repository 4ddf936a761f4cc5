/**
 * {@code provision}, the IT team's command line on picocli: {@link ProvisionMain} and its
 * package-private commands (ca, kiosk, broker, readers, staff, doctor) parse options, call the
 * packages below and map outcomes to exit codes. It may depend on every provisioning package,
 * core and card-reader; none of them depends on it.
 */
package org.culturecard.provisioning;
