package org.culturecard.kiosk.ui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.culturecard.kiosk.checkin.ReaderStatus;
import org.culturecard.kiosk.ui.screen.Messages;

/**
 * The attract screen's status texts, as properties the views bind to: the venue, the running event,
 * the clock, the readers and the sync state, in the language shown. Part of {@link KioskViewModel};
 * UI thread only.
 */
public final class StatusLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private Messages messages;
    private DateTimeFormatter dateFormat;
    private AttractStatus status = AttractStatus.initial();
    private ReaderStatus readers = ReaderStatus.initial();

    private final ReadOnlyStringWrapper venueName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper eventLine = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper date = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper readerWorks = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readerText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<SyncIndicator.State> syncState =
            new ReadOnlyObjectWrapper<>(SyncIndicator.State.UNKNOWN);
    private final ReadOnlyStringWrapper syncText = new ReadOnlyStringWrapper();

    StatusLine(String venueName, Clock clock) {
        this.clock = clock;
        this.venueName.set(venueName);
    }

    /** Speaks another language: every text again. */
    void use(Messages chosen) {
        messages = chosen;
        dateFormat = DateTimeFormatter.ofPattern("EEEE d MMMM", chosen.locale());
        apply(status);
        updateReaderText();
        tick();
    }

    /** Updates the clock. */
    void tick() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), clock.getZone());
        time.set(TIME.format(now));
        date.set(dateFormat.format(now));
    }

    /** The status read in the background: the event line and the sync text. */
    void apply(AttractStatus newStatus) {
        status = newStatus;
        eventLine.set(newStatus.eventTitle().map(title -> messages.text("attract.event", title))
                .orElse(messages.text("attract.dropIn")));
        SyncIndicator sync = newStatus.sync();
        syncState.set(sync.state());
        syncText.set(switch (sync.state()) {
            case CONNECTED -> sync.backlog() == 0 ? messages.text("sync.upToDate")
                    : messages.text("sync.sending", sync.backlog());
            case OFFLINE -> messages.text("sync.offline", sync.backlog());
            case UNKNOWN -> sync.backlog() == 0 ? messages.text("sync.saved")
                    : messages.text("sync.waiting", sync.backlog());
        });
    }

    /** The readers that work now; true when whether any works has changed. */
    boolean readers(ReaderStatus newReaders) {
        boolean worked = readers.works();
        readers = newReaders;
        updateReaderText();
        return worked != readers.works();
    }

    boolean readerWorks() {
        return readers.works();
    }

    List<String> readerNames() {
        return readers.names();
    }

    Optional<Path> corruptStoreMovedTo() {
        return status.corruptStoreMovedTo();
    }

    Optional<Instant> lastSync() {
        return Optional.ofNullable(status.sync().lastSync());
    }

    String venueName() {
        return venueName.get();
    }

    private void updateReaderText() {
        readerWorks.set(readers.works());
        Optional<String> name = readers.firstReader();
        readerText.set(readers.works() ? messages.text("reader.ready", name.orElse(""))
                : messages.text("reader.none"));
    }

    public ReadOnlyStringProperty venueNameProperty() {
        return venueName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty eventLineProperty() {
        return eventLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateProperty() {
        return date.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readerWorksProperty() {
        return readerWorks.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readerTextProperty() {
        return readerText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncIndicator.State> syncStateProperty() {
        return syncState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncTextProperty() {
        return syncText.getReadOnlyProperty();
    }
}
