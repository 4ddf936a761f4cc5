/**
 * The fleet: {@link FleetListener} keeps kiosks' status and kiosk-made events up to date from what
 * registered kiosks publish, {@link VenueConfigPublisher} re-publishes a venue's retained config
 * after every change, each through mqtt-link's self-healing {@code MqttLink}. Depends on the
 * store, mqtt-link, ingest's {@code VenueBinding} and the dead letters; used by the API
 * and the composition root.
 */
package org.culturecard.central.fleet;
