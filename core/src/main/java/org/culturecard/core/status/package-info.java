/**
 * Status facts shared between the kiosk's two processes through its database: {@link DiskBudget},
 * the sync agent's disk-budget verdict that it writes into a settings row and the kiosk's staff
 * status screen reads, and {@link ReaderState}, the row the kiosk writes for the agent. Depends on
 * nothing else of Culture Card.
 */
package org.culturecard.core.status;
