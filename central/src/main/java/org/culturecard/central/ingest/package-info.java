/**
 * Ingest: {@link IngestWorker}s share the kiosks' check-in topic through mqtt-link's
 * {@code DurableSubscriber} (persistent session, manual acks), validate each message
 * ({@link BatchValidator}, {@link Verdict}, {@link VenueBinding} holding a kiosk to its registered
 * venue, {@link TapTimes} placing a tap in time, ADR 9), commit accepted batches in groups
 * ({@code GroupCommitter}) and count ({@code IngestCounters}); {@link DeadLetterReplay} sends kept
 * check-ins through again. Depends on the store's ports, the dead letters, mqtt-link and the config;
 * imports no Paho. Used by the fleet listener, the metrics and the composition root.
 */
package org.culturecard.central.ingest;
