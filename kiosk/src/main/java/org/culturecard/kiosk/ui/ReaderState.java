package org.culturecard.kiosk.ui;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.culturecard.reader.ReaderEvent;

/** Which readers work right now, folded from {@link ReaderEvent}s. Used on the UI thread only. */
final class ReaderState {
    private final Set<String> readers = new LinkedHashSet<>();
    private boolean serviceUp = true;

    /** Applies an event; true when it changed whether any reader works. */
    boolean apply(ReaderEvent event) {
        boolean before = works();
        if (event instanceof ReaderEvent.ReaderAttached attached) {
            readers.add(attached.readerName());
        } else if (event instanceof ReaderEvent.ReaderLost lost) {
            readers.remove(lost.readerName());
        } else if (event instanceof ReaderEvent.ServiceDown) {
            serviceUp = false;
            readers.clear();
        } else if (event instanceof ReaderEvent.ServiceUp) {
            serviceUp = true;
        }
        return before != works();
    }

    boolean works() {
        return serviceUp && !readers.isEmpty();
    }

    java.util.List<String> names() {
        return serviceUp ? java.util.List.copyOf(readers) : java.util.List.of();
    }

    Optional<String> firstReader() {
        return readers.stream().findFirst();
    }
}
