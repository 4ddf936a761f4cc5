/**
 * Central's HTTP API on Javalin: {@link CentralApi} serves {@code /health}, {@code /metrics} and the
 * bearer-token protected {@code /api} routes (check-ins, kiosks, dead letters, reports, venue
 * events, and venue staff through {@link org.culturecard.central.staff.StaffApi}) by the token's
 * {@link org.culturecard.central.config.Role} ({@link Access}, ADR 10), audits raw reads
 * ({@link ApiAudit}), registers kiosks ({@link KioskAdmin}) and serves HTTPS with HSTS when
 * configured ({@link HttpsConnector}, ADR 16). It depends on the store's ports, the config and the
 * report, fleet and staff services, and {@code json}; only the composition root depends on
 * it, and the store never does.
 */
package org.culturecard.central.api;
