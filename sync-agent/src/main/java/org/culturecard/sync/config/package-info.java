/**
 * The sync agent's configuration: {@link SyncConfig}, loaded from a properties file with environment
 * overrides and validated once, with an {@link InvalidConfigException} that names the bad key.
 * Depends only on core; used by the agent, its main and the demo.
 */
package org.culturecard.sync.config;
