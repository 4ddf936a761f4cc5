package org.culturecard.central.store;

import java.util.Objects;
import org.culturecard.core.checkin.CheckIn;

/** One check-in refused inside a batch that is otherwise stored: kept whole in the dead letters. */
public record RecordRefusal(CheckIn record, ReasonClass reasonClass, String reason) {
    public RecordRefusal {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(reasonClass, "reasonClass");
        Objects.requireNonNull(reason, "reason");
    }
}
