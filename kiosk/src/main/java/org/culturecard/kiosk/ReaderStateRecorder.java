package org.culturecard.kiosk;

import java.util.function.Consumer;
import org.culturecard.kiosk.checkin.ReaderStatus;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.reader.ReaderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the settings row {@link SettingKey#READER_STATE} up to date with the card readers' state, for the sync
 * agent's status message (it reads the same row from the shared database). Runs on the card
 * reader's thread; writes only when the state changes (readers come and go rarely), and a failed
 * write is logged, never thrown back at the reader.
 */
final class ReaderStateRecorder implements Consumer<ReaderEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderStateRecorder.class);

    private final SqliteKioskStore store;
    private ReaderStatus readers = ReaderStatus.initial();
    private String last;

    ReaderStateRecorder(SqliteKioskStore store) {
        this.store = store;
    }

    @Override
    public synchronized void accept(ReaderEvent event) {
        readers = readers.after(event);
        String state = describe();
        if (!state.equals(last)) {
            try {
                store.putSetting(SettingKey.READER_STATE, state);
                last = state;
            } catch (RuntimeException e) {
                LOG.warn("Could not record the reader state '{}': {}", state, e.getMessage());
            }
        }
    }

    private String describe() {
        if (!readers.serviceUp()) {
            return "service-down";
        }
        return readers.readers().isEmpty() ? "no-reader" : "ready: " + String.join(", ", readers.readers());
    }
}
