/** Background jobs that run every so often on their own thread (the rollup refresh, retention). */
package org.culturecard.central.schedule;
