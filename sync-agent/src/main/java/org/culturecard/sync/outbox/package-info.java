/**
 * The agent's way into the kiosk's SQLite file: {@link KioskDatabase} opens it with the kiosk's
 * connection settings and never creates it (the kiosk owns the file and its schema), and
 * {@link SqliteOutbox} reads pending {@link OutboxRecord}s in sequence order and marks them
 * delivered; failures are {@link OutboxException}s. Depends on SQLite and no other Culture Card
 * package; used by the agent, the venue tables and the agent's main.
 */
package org.culturecard.sync.outbox;
