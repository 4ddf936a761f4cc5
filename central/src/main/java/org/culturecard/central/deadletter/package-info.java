/** Dead letters: what is kept of a refused message (junk cut and under a per-kiosk quota), their counts, and the admin's replay. */
package org.culturecard.central.deadletter;
