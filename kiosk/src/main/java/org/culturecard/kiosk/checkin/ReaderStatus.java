package org.culturecard.kiosk.checkin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.culturecard.reader.ReaderEvent;

/**
 * Which card readers work, folded from the reader's events: what the screens and the sync agent's
 * status row are told instead of the events themselves. Immutable.
 *
 * @param serviceUp whether the PC/SC service answers (a down service means no reader works)
 * @param readers   the readers attached, in the order they came
 */
public record ReaderStatus(boolean serviceUp, List<String> readers) {
    public ReaderStatus {
        readers = List.copyOf(Objects.requireNonNull(readers, "readers"));
    }

    /** Before the reader has said anything: the service taken as up, no reader yet. */
    public static ReaderStatus initial() {
        return new ReaderStatus(true, List.of());
    }

    /** The status after {@code event}; a tap or a card removed leaves it as it is. */
    public ReaderStatus after(ReaderEvent event) {
        Set<String> names = new LinkedHashSet<>(readers);
        boolean up = serviceUp;
        if (event instanceof ReaderEvent.ReaderAttached attached) {
            names.add(attached.readerName());
        } else if (event instanceof ReaderEvent.ReaderLost lost) {
            names.remove(lost.readerName());
        } else if (event instanceof ReaderEvent.ServiceDown) {
            up = false;
            names.clear();
        } else if (event instanceof ReaderEvent.ServiceUp) {
            up = true;
        }
        return new ReaderStatus(up, List.copyOf(names));
    }

    /** True when a tap can be read: the service is up and at least one reader is attached. */
    public boolean works() {
        return serviceUp && !readers.isEmpty();
    }

    /** The readers that work now, by name (none while the service is down). */
    public List<String> names() {
        return serviceUp ? readers : List.of();
    }

    public Optional<String> firstReader() {
        return readers.stream().findFirst();
    }
}
