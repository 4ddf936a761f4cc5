package org.culturecard.kiosk.ui.staff;

import java.util.Objects;

/**
 * One row of the staff status screen. Why more than a label and a value: a row can need attention
 * (the disk budget at 50 or 80 percent), and then it says how much and what staff should do.
 *
 * @param label  what the row is about
 * @param value  what it is now
 * @param advice what staff should do, or empty
 * @param tone   how loudly the view shows it
 */
public record StatusRow(String label, String value, String advice, Tone tone) {
    /** How a row is shown: plainly, as a warning, or as an alert. */
    public enum Tone {
        NORMAL,
        WARNING,
        ALERT
    }

    public StatusRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(tone, "tone");
    }

    /** A plain row with no advice. */
    static StatusRow plain(String label, String value) {
        return new StatusRow(label, value, "", Tone.NORMAL);
    }
}
