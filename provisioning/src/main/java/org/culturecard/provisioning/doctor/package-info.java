/**
 * {@code provision doctor}: {@link Doctor} checks an installed kiosk one line at a time
 * ({@link CheckResult}: PASS, FAIL with the fix, or SKIP), and {@link MqttProbe} checks that the
 * broker accepts the kiosk's certificate with a TLS handshake and a hand-made MQTT CONNECT. Depends
 * on core, pem-tls and provisioning's ca and kiosk packages; used by the command line only.
 */
package org.culturecard.provisioning.doctor;
