/**
 * The result screen: every answer to a tap (welcome, already checked in, not a library card, a
 * refused staff card, error) and the reader-unavailable screen; binds to the kiosk view model.
 */
package org.culturecard.kiosk.ui.result;
