/**
 * Ingest: {@link IngestWorker}s share the kiosks' check-in topic, {@link BatchValidator} decides what
 * of a message may be stored ({@link Verdict}), {@link VenueBinding} holds a kiosk to its
 * registered venue, {@link TapTimes} places a tap in time (ADR 9), and {@link DeadLetterReplay}
 * sends kept check-ins through again. Depends on the store's ports, the dead letters, mqtt-link
 * (the broker connection) and the config; used by the fleet listener, the metrics and the composition root.
 */
package org.culturecard.central.ingest;
