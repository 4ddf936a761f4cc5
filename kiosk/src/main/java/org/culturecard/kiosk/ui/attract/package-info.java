/**
 * The attract screen (the one that waits for a tap): venue, event, clock, language buttons, reader
 * and sync indicators, the staff button and demo cards; binds to the kiosk view model ({@code ui.shell}).
 */
package org.culturecard.kiosk.ui.attract;
