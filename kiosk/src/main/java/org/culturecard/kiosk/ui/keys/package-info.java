/**
 * Touch input for kiosks without a keyboard: {@link org.culturecard.kiosk.ui.keys.TouchKeyboard}, an
 * on-screen keyboard (letters and digits, for barcodes and event text) and number pad (PINs, times,
 * numbers) that types into the field last touched. Used by the staff pages; knows no screen.
 */
package org.culturecard.kiosk.ui.keys;
