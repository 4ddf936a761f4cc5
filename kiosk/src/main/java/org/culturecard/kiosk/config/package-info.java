/**
 * The kiosk's configuration: {@link KioskConfig}, one immutable record loaded once from a properties
 * file with environment overrides and validated with a {@link KioskConfigException} that names the
 * key; the staff's {@link DisplaySettings}; and {@link SchemeKeyFile}, which reads the scheme key.
 * Depends only on core; used by the composition root, the services and the UI.
 */
package org.culturecard.kiosk.config;
