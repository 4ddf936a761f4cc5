/**
 * {@link SyncAgentMain}: the sync agent as its own process for systemd, composing the config, the
 * kiosk database, TLS and the agent. The top of the module: it depends on every other sync package,
 * and nothing depends on it.
 */
package org.culturecard.sync.app;
