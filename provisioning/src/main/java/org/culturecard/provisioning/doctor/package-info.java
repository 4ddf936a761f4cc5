/**
 * {@code provision doctor}: {@link Doctor} checks an installed kiosk one line at a time
 * ({@link CheckResult}: PASS, FAIL with the fix, or SKIP), and {@link MqttProbe} checks that the
 * broker accepts the kiosk's certificate with a TLS handshake and a hand-made MQTT CONNECT. Depends
 * on core, mqtt-link's TLS and provisioning's ca, kiosk and readers (the scheme key file) packages; used by
 * the command line only.
 */
package org.culturecard.provisioning.doctor;
