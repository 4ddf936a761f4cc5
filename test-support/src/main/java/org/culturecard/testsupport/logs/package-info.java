/** Log-forging tests: hostile values for every string field of a wire message, and an app's own Logback config on a captured console. */
package org.culturecard.testsupport.logs;
