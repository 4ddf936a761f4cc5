/**
 * How central reaches the broker: {@link BrokerEndpoint} (the URI and a TLS socket factory built
 * once from the PEM files), {@link Reconnector}, the backoff-with-jitter loop every central MQTT
 * connection shares, and {@link LinkCallback}, Paho's callback reduced to a message and a lost
 * connection. Depends on central's config, pem-tls and Paho; used by ingest and the fleet
 * listener.
 */
package org.culturecard.central.broker;
