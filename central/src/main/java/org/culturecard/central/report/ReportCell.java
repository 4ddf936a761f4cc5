package org.culturecard.central.report;

import java.time.LocalDate;

/**
 * Raw, unsuppressed figures for one cell as the database returns them; never published as is.
 * {@code group == null} is the total over groups, {@code period == null} the total over periods.
 * {@code repeaters} are people with two or more check-ins in the cell; {@code breadthSum} adds up,
 * over the cell's people, how many distinct Taking Part categories each took part in.
 */
record ReportCell(String group, LocalDate period, long checkIns, long people, long repeaters, long breadthSum) {
    ReportCell {
        if (checkIns < 0 || people < 0 || repeaters < 0 || breadthSum < 0 || repeaters > people || people > checkIns) {
            throw new IllegalArgumentException("inconsistent report cell " + group + " " + period);
        }
    }
}
