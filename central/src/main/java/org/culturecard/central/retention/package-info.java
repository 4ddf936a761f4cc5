/** The retention job: old dead letters and (when configured) old check-ins removed, held check-ins attached or flagged. */
package org.culturecard.central.retention;
