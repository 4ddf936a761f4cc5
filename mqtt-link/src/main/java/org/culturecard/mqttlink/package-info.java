/**
 * The one way to the broker, for the sync agent, central and provisioning's doctor:
 * {@link org.culturecard.mqttlink.BrokerEndpoint} (the URI, TLS from the scheme CA's PEM files, credentials),
 * {@link org.culturecard.mqttlink.Backoff} and {@link org.culturecard.mqttlink.Reconnector} (the one reconnect
 * loop, exponential backoff with full jitter), {@link org.culturecard.mqttlink.LinkCallback} (Paho's callback
 * reduced to a message and a lost connection) behind {@link org.culturecard.mqttlink.Generation} (a given-up
 * client is never heard again), and {@link org.culturecard.mqttlink.MqttLink}, a self-healing subscribe-and-publish
 * connection. Depends on Paho, SLF4J and {@code tls}; on no other Culture Card module.
 */
package org.culturecard.mqttlink;
