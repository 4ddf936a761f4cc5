package org.culturecard.kiosk.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.kioskdb.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The staff screens' access to the store: PINs, events, status facts and display settings. */
public final class StaffDesk implements StaffPort {
    private static final Logger LOG = LoggerFactory.getLogger(StaffDesk.class);

    private final SqliteKioskStore store;
    private final StaffAuthenticator authenticator;
    private final Clock clock;
    private final VenueId venue;
    private final Supplier<UUID> ids;
    private final Path databaseFile;
    private final Locale defaultLanguage;

    public StaffDesk(SqliteKioskStore store, Clock clock, VenueId venue, Supplier<UUID> ids, Path databaseFile,
                     Locale defaultLanguage) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.authenticator = new StaffAuthenticator(store, clock);
        this.venue = Objects.requireNonNull(venue, "venue");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.databaseFile = Objects.requireNonNull(databaseFile, "databaseFile");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }

    @Override
    public PinOutcome checkPin(String pin) {
        return authenticator.check(pin);
    }

    @Override
    public PinOutcome checkPinAfterCard(UUID staffId, String pin) {
        return authenticator.checkAfterCard(staffId, pin);
    }

    @Override
    public List<StoredEvent> eventsToday() {
        return store.eventsOn(LocalDate.ofInstant(clock.instant(), clock.getZone()));
    }

    @Override
    public EventDraft.Check save(EventDraft draft) {
        EventDraft.Check check = draft.check(venue, clock.getZone(), ids);
        if (check instanceof EventDraft.Check.Valid valid) {
            store.saveKioskEvent(valid.event());
            LOG.info("Staff saved event {} ({})", valid.event().id(), valid.event().title());
        }
        return check;
    }

    @Override
    public boolean makeActive(UUID eventId) {
        return store.makeActive(eventId);
    }

    @Override
    public boolean closeEvent(UUID eventId) {
        return store.closeEvent(eventId);
    }

    @Override
    public StatusFacts statusFacts() {
        return new StatusFacts(store.lastCheckInAt(), store.outboxBacklog(), diskFree(), diskBudget());
    }

    /** The sync agent's verdict from its settings row; empty when it has written none (or none we can read, logged). */
    private Optional<DiskBudget> diskBudget() {
        return store.setting(SettingKey.DISK_BUDGET);
    }

    private long diskFree() {
        try {
            return Files.getFileStore(databaseFile.toAbsolutePath()).getUsableSpace();
        } catch (IOException e) {
            LOG.warn("Cannot read the free disk space: {}", e.toString());
            return -1;
        }
    }

    @Override
    public DisplaySettings settings() {
        return new DisplaySettings(
                store.setting(SettingKey.UI_LANGUAGE).orElse(defaultLanguage),
                store.setting(SettingKey.UI_HIGH_CONTRAST).orElse(false),
                store.setting(SettingKey.UI_TEXT_SCALE).orElse(100),
                store.setting(SettingKey.UI_VOLUME).orElse(80));
    }

    @Override
    public void saveSettings(DisplaySettings settings) {
        store.putSetting(SettingKey.UI_LANGUAGE, settings.language());
        store.putSetting(SettingKey.UI_HIGH_CONTRAST, settings.highContrast());
        store.putSetting(SettingKey.UI_TEXT_SCALE, settings.textScale());
        store.putSetting(SettingKey.UI_VOLUME, settings.volume());
    }
}
