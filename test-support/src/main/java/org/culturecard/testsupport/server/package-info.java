/**
 * What the real-server harnesses share: {@link LocalProcesses} (free loopback ports, signals,
 * readiness polling, temp-dir removal) and {@link MissingServer}, which fails a test under
 * {@code CI=true} and skips it elsewhere when a server is not installed. Depends on nothing of
 * Culture Card; used by the Mosquitto, pcscd and PostgreSQL harnesses.
 */
package org.culturecard.testsupport.server;
