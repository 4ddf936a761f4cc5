/**
 * The agent's side of the kiosk's outbox: {@link SqliteOutbox} opens the kiosk database through
 * kiosk-db as the sync agent (never creating it; ADR 26), reads pending {@link OutboxRecord}s in
 * sequence order within the batch limits and marks them sent and delivered; a failure to open is an
 * {@link OutboxException}. Depends on core and kiosk-db; used by the agent and its main.
 */
package org.culturecard.sync.outbox;
