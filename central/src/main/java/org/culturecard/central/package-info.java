/**
 * Central's composition root and entry point: {@link Central} builds and wires the store, the ingest
 * workers, the fleet listener, the config publisher, the schedules, the metrics and the HTTP API by
 * hand, and {@link CentralMain} runs it (and its report and dead-letter commands) for systemd. It may
 * depend on every central package; none of them depends on it ({@code CentralLayersTest}).
 */
package org.culturecard.central;
