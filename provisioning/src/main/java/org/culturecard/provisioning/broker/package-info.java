/**
 * {@link BrokerConfig}: writes what Mosquitto needs to serve the scheme: its config with two TLS
 * listeners that take a client certificate's CN as the user name, the ACL, the broker's key and
 * certificate, and central's client certificate. Depends on {@code provisioning.ca} and
 * {@code provisioning.kiosk}; used by the command line only.
 */
package org.culturecard.provisioning.broker;
