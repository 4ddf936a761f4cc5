/**
 * Status facts shared between the kiosk's two processes through its database: {@link DiskBudget},
 * the sync agent's disk-budget verdict that it writes into a settings row (kiosk-db's
 * {@code SettingKey.DISK_BUDGET}) and the kiosk's staff status screen reads. Depends on nothing else
 * of Culture Card.
 */
package org.culturecard.core.status;
