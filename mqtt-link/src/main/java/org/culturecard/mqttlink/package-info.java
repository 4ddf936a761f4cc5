/**
 * The one way to the broker, for the sync agent, central and provisioning's doctor:
 * {@link org.culturecard.mqttlink.BrokerEndpoint} (the URI, TLS from the scheme CA's PEM files, credentials),
 * {@link org.culturecard.mqttlink.Backoff} and {@link org.culturecard.mqttlink.Reconnector} (the one reconnect
 * loop, exponential backoff with full jitter), {@link org.culturecard.mqttlink.LinkCallback} (Paho's callback
 * reduced to a message and a lost connection) behind {@link org.culturecard.mqttlink.Generation} (a given-up
 * client is never heard again), {@link org.culturecard.mqttlink.MqttLink} (a self-healing subscribe-and-publish
 * connection), {@link org.culturecard.mqttlink.DurableSubscriber} (a persistent session with manual acks, each
 * message an {@link org.culturecard.mqttlink.Inbound} answered on a reply thread) and
 * {@link org.culturecard.mqttlink.PahoClients} (where clients are made: the unit tests' seam). Depends on Paho,
 * SLF4J and {@code tls}; on no other Culture Card module. Only this package imports Paho (ArchitectureTest), but
 * for the sync agent's BrokerSession.
 */
package org.culturecard.mqttlink;
