package org.culturecard.kiosk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.testing.SettingRows;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffDeskTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T16:30:00Z");
    private SqliteKioskStore store;
    private StaffDesk desk;

    @BeforeEach
    void open() {
        store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock);
        desk = new StaffDesk(store, clock, Fixtures.VENUE, Fixtures.ids(clock), dir.resolve("kiosk.db"), Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void savesAnEventMadeHereAsUnpublishedFromTheKioskAndListsItWithItsCount() {
        EventDraft.Check check = desk.save(new EventDraft(null, "Comic Art Workshop", Sector.ARTS,
                ArtsActivity.ARTS_CRAFTS, Mode.TAKE_PART, LocalDate.of(2026, 3, 14), "16:00", "18:00",
                AgeBand.AGE_11_15, ""));

        var event = ((EventDraft.Check.Valid) check).event();
        assertThat(desk.eventsToday()).singleElement().isEqualTo(new StoredEvent(event, false, false,
                EventOrigin.KIOSK, 0));
        assertThat(store.isPublished(event.id())).isFalse();
        assertThat(desk.makeActive(event.id())).isTrue();
        assertThat(store.activeEvent()).contains(event);
        assertThat(desk.closeEvent(event.id())).isTrue();
        assertThat(store.activeEvent()).isEmpty();
    }

    @Test
    void keepsDisplaySettingsAndReportsTheDisk() {
        assertThat(desk.settings()).isEqualTo(DisplaySettings.defaults(Locale.ENGLISH));
        DisplaySettings chosen = new DisplaySettings(Locale.forLanguageTag("lt"), true, 175, 30);

        desk.saveSettings(chosen);

        assertThat(desk.settings()).isEqualTo(chosen);
        StatusFacts facts = desk.statusFacts();
        assertThat(facts.diskFreeBytes()).isPositive();
        assertThat(facts.lastTap()).isEmpty();
        assertThat(facts.outboxBacklog()).isZero();
        assertThat(facts.diskBudget()).as("the sync agent has written nothing yet").isEmpty();
    }

    @Test
    void readsTheSyncAgentsDiskBudgetRowFromTheStore() {
        SettingRows.put(dir.resolve("kiosk.db"), "disk.budget", "alert=HIGH percent=83 used=1782411264 budget=2147483648"
                + " at=2026-03-14T16:28:00Z");

        assertThat(desk.statusFacts().diskBudget()).contains(new DiskBudget(DiskBudget.Alert.HIGH, 83, 1_782_411_264L,
                2_147_483_648L, java.time.Instant.parse("2026-03-14T16:28:00Z")));

        SettingRows.put(dir.resolve("kiosk.db"), "disk.budget", "alert=PURPLE percent=83");
        assertThat(desk.statusFacts().diskBudget()).as("a row we cannot read is unknown, not an error").isEmpty();
    }
}
