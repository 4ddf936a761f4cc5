/**
 * {@link MutableClock}: a clock that tests move by hand, safe to read from other threads, so no
 * pass/fail depends on real time. Depends on the JDK only.
 */
package org.culturecard.testsupport.time;
