/**
 * The parts of test-support's Mosquitto harness that no other module uses: {@code BrokerProcess} (the
 * broker as a child process: start, wait until it listens, stop, kill, freeze, thaw) and
 * {@code BrokerConfigFile} (the generated {@code mosquitto.conf}). Depends on {@code testsupport.server};
 * used by {@code testsupport.mqtt.MosquittoServer} only.
 */
package org.culturecard.testsupport.mqtt.internal;
