/**
 * {@link PrometheusMetrics}: the body of {@code GET /metrics}, Micrometer meters over the ingest
 * workers' totals and the store's {@link org.culturecard.central.store.FleetCounts}, scraped by
 * Micrometer's Prometheus registry. Depends on ingest and the store's port; only the composition
 * root depends on it, and the store never does.
 */
package org.culturecard.central.metrics;
