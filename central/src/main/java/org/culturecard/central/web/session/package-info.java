/** Signed-in web sessions in memory: rotated ids, idle timeout, per-session CSRF tokens. */
package org.culturecard.central.web.session;
