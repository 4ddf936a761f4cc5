/**
 * Central's configuration: {@link CentralConfig}, loaded once from a properties file with
 * environment overrides and validated up front with messages naming the key, and the
 * {@link IngestLimits} on what kiosks' messages may cost, and the API's tokens ({@link ApiToken}
 * with its {@link Role}, read by {@code TokenSettings}). Depends on no other Culture Card package
 * but core's ids;
 * read by the composition root, the API, ingest, reports, retention and the
 * demo.
 */
package org.culturecard.central.config;
