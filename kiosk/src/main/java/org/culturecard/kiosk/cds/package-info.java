/**
 * The kiosk's AppCDS archive, seen from inside the JVM: writes it when bin/culturecard-kiosk asks
 * (once the first screen is up) and removes one the JVM would not map (ADR 0030). Depends on the JDK only.
 */
package org.culturecard.kiosk.cds;
