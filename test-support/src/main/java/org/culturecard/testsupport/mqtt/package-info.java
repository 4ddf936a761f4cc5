/**
 * A real Mosquitto for tests: {@link MosquittoServer} runs the machine's own broker on a free
 * loopback port with explicit queue and inflight limits, and {@link MosquittoExtension} starts one
 * per test class; {@link RecordingMqttClient} connects, subscribes and records what arrives, and
 * {@link MessageCallback} is the Paho callback of a test client with a handler of its own, messages only.
 * Depends on {@code testsupport.server}; used by the tests of the sync agent,
 * central, provisioning and the demo.
 */
package org.culturecard.testsupport.mqtt;
