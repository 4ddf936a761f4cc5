/**
 * The sync agent's MQTT side: {@link MqttSyncAgent} composes, on one worker thread, the connection
 * ({@code BrokerSession}, the one class here holding Paho's client, reconnecting through mqtt-link),
 * the outbox forwarder with its in-flight window, the venue sync, the status publisher and the purge,
 * each behind small ports ({@code Link}, {@code OutboxForwarder.Outbox}, ...) that {@code KioskFiles}
 * implements on the kiosk's SQLite file; {@link SyncStatus} and {@link DeliveryListener} let the demo
 * and status screen watch it. Depends on core, mqtt-link, Paho and the agent's config, outbox and
 * venue packages; used by {@code sync.app} and the demo.
 */
package org.culturecard.sync.agent;
