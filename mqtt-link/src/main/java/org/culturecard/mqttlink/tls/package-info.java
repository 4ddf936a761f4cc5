/**
 * TLS client contexts from the scheme CA's PEM files: {@link org.culturecard.mqttlink.tls.PemTls} builds the
 * client that the sync agent, central and the doctor's probe use (trusting only the scheme CA, presenting the
 * client's certificate), and {@link org.culturecard.mqttlink.tls.TlsSetupException} says which file is wrong.
 * Depends on Bouncy Castle for PEM parsing, on nothing else of the module (the doctor uses it without Paho).
 */
package org.culturecard.mqttlink.tls;
