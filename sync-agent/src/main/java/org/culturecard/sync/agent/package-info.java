/**
 * The sync agent's MQTT side: {@link MqttSyncAgent} forwards the outbox in batches, marks rows
 * delivered only on central's {@code BatchAck}, applies the retained venue config and publishes the
 * kiosk's status, reconnecting with mqtt-link's backoff; {@link SyncStatus} and {@link DeliveryListener}
 * let the demo and status screen watch it. Depends on core, mqtt-link, Paho and the agent's config,
 * outbox and venue packages; used by {@code sync.app} and the demo.
 */
package org.culturecard.sync.agent;
