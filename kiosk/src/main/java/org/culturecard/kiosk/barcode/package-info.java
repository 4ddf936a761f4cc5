/**
 * {@link BarcodeWedge}: tells a keyboard-wedge barcode scanner from a person typing, by the speed of
 * the keys and the closing Enter, so only a real scan counts as a card number. Toolkit-free logic
 * with an injected clock and no dependency on other kiosk packages; the UI feeds it key by key.
 */
package org.culturecard.kiosk.barcode;
