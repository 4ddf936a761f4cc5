/**
 * {@link PrometheusMetrics}: the body of {@code GET /metrics}, ingest workers' totals and the
 * store's {@link org.culturecard.central.store.FleetCounts} in the Prometheus text format. Depends
 * on ingest and the store's port; only the composition root depends on it, and the store never
 * does.
 */
package org.culturecard.central.metrics;
