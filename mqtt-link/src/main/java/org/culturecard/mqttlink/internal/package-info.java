/**
 * mqtt-link's inside, used by no other module (ArchitectureTest): {@code Replies}, a durable
 * subscriber's reply thread that publishes each reply and then completes the message it answers, off
 * Paho's threads. Depends on Paho and SLF4J only; used by {@code org.culturecard.mqttlink}.
 */
package org.culturecard.mqttlink.internal;
