/**
 * The golden wire files (one per message schema and version, plus hand-written messages of a later
 * version) and the fixed messages they hold, published in core's test-jar so that the sync agent's
 * and central's tests read the same bytes core's tests pin (ADR 0023, ADR 0024). Test code only.
 */
package org.culturecard.core.wire.golden;
