package org.culturecard.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.privacy.Token;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.kioskdb.KioskDbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EnrolledCards} over the filter file the sync agent keeps beside the kiosk database
 * ({@link EnrolledFilterFile}). The filter is read once and held in memory; each lookup first asks
 * the file's stamp (one {@code stat}) and reads the file again only when the agent has stored a new
 * generation. The venue's {@link UnregisteredCards} setting is read only for a card the filter does
 * not know, so a registered card's tap costs one {@code stat} and one lookup. A file that cannot be
 * read leaves the filter held (or none): never an error on the way to the welcome screen.
 * Thread-safe (calls are serialised); called on the tap worker, never on the UI thread.
 */
public final class EnrolledCardsFile implements EnrolledCards {
    private static final Logger LOG = LoggerFactory.getLogger(EnrolledCardsFile.class);

    private final EnrolledFilterFile file;
    private final Supplier<UnregisteredCards> setting;
    private Optional<EnrolledFilterFile.Stamp> stamp = Optional.empty();
    private EnrolledFilter filter;

    /**
     * @param setting the venue's choice, as the sync agent last wrote it (a store read)
     */
    public EnrolledCardsFile(EnrolledFilterFile file, Supplier<UnregisteredCards> setting) {
        this.file = Objects.requireNonNull(file, "file");
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    @Override
    public synchronized Registration registrationOf(Token token) {
        EnrolledFilter current = current();
        if (current == null) {
            return Registration.UNKNOWN;
        }
        if (current.mayContain(token)) {
            return Registration.REGISTERED;
        }
        return setting.get() == UnregisteredCards.RECORD_AND_REMIND ? Registration.NOT_REGISTERED_REMIND
                : Registration.NOT_REGISTERED;
    }

    /** Loads the filter now if there is one (at start, on the tap worker, so the first tap does not wait). */
    public synchronized void warm() {
        current();
    }

    private EnrolledFilter current() {
        try {
            Optional<EnrolledFilterFile.Stamp> now = file.stamp();
            if (!now.equals(stamp)) {
                stamp = now;
                reload();
            }
        } catch (KioskDbException e) {
            LOG.warn("Cannot look at the enrolled-card filter: {}; keeping what is held", e.getMessage());
        }
        return filter;
    }

    private void reload() {
        Optional<EnrolledFilterFile.Stored> stored = file.read();
        if (stored.isPresent()) {
            filter = stored.get().filter();
            LOG.info("Enrolled-card filter generation {} loaded ({} cards, received {})", stored.get().generation(),
                    filter.size(), stored.get().receivedAt());
        } else if (filter != null) {
            LOG.warn("The enrolled-card filter file is gone or unreadable; keeping the one held");
        }
    }
}
