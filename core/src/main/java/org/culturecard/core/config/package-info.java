/**
 * The one config reader of the three apps ({@link ConfigReader}): a properties file with an
 * environment overlay, typed getters that name the key in every error, unknown keys refused by
 * name, and the effective config described with its secrets redacted.
 */
package org.culturecard.core.config;
