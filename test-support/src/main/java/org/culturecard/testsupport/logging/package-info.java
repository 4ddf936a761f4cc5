/**
 * {@link LogCapture}: everything the project logs while it is open, so that a test can prove no
 * card UID, barcode, PIN, name or birth date reaches a log. Test scope only; depends on Logback.
 */
package org.culturecard.testsupport.logging;
