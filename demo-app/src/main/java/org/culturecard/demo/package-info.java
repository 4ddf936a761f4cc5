/**
 * {@code ./demo}: {@link DemoMain} runs the whole system in one JVM, central on an embedded
 * PostgreSQL, an embedded HiveMQ CE broker, the sync agent and the kiosk window with on-screen
 * cards, after a venue's morning set-up done by its package-private helpers. The top of the reactor:
 * it may depend on kiosk, sync-agent and central, and no module depends on it.
 */
package org.culturecard.demo;
