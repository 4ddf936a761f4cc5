/**
 * The staff PIN pad, the way into staff mode: touch keys and the keyboard; binds to the staff view
 * model ({@code ui.staff}).
 */
package org.culturecard.kiosk.ui.pin;
