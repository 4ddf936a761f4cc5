package org.culturecard.kiosk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.kiosk.testing.Fixtures;
import org.junit.jupiter.api.Test;

class EventDraftTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final UUID ID = UUID.fromString("0190d5a0-0000-7000-8000-000000000001");

    @Test
    void makesAnEventInTheVenuesTimeZone() {
        EventDraft draft = new EventDraft(null, "  Comic Art Workshop ", Sector.ARTS, ArtsActivity.ARTS_CRAFTS,
                Mode.TAKE_PART, LocalDate.of(2026, 6, 19), "14:00", "16:30", AgeBand.AGE_11_15, "20");

        EventDraft.Check check = draft.check(Fixtures.VENUE, LONDON, () -> ID);

        assertThat(check).isInstanceOfSatisfying(EventDraft.Check.Valid.class, valid -> {
            assertThat(valid.event().id()).isEqualTo(ID);
            assertThat(valid.event().title()).isEqualTo("Comic Art Workshop");
            assertThat(valid.event().startsAt()).isEqualTo(Instant.parse("2026-06-19T13:00:00Z"));
            assertThat(valid.event().endsAt()).isEqualTo(Instant.parse("2026-06-19T15:30:00Z"));
            assertThat(valid.event().capacity()).isEqualTo(20);
            assertThat(valid.event().category().activity()).isEqualTo(ArtsActivity.ARTS_CRAFTS);
        });
    }

    @Test
    void dropsAnArtsActivityOutsideTheArtsAndAllowsNoCapacity() {
        EventDraft draft = new EventDraft(ID, "Family history hour", Sector.ARCHIVES, ArtsActivity.MUSIC, Mode.ATTEND,
                LocalDate.of(2026, 6, 19), "10:00", "11:00", AgeBand.ALL, " ");

        EventDraft.Check.Valid valid = (EventDraft.Check.Valid) draft.check(Fixtures.VENUE, LONDON, UUID::randomUUID);

        assertThat(valid.event().id()).isEqualTo(ID);
        assertThat(valid.event().category().activity()).isNull();
        assertThat(valid.event().capacity()).isNull();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        EventDraft draft = new EventDraft(null, " ", Sector.ARTS, null, null, null, "25:00", "9", null, "-3");

        assertThat(draft.check(Fixtures.VENUE, LONDON, () -> ID)).isEqualTo(new EventDraft.Check.Invalid(java.util.List.of(
                "editor.error.title", "editor.error.activity", "editor.error.mode", "editor.error.ageBand",
                "editor.error.day", "editor.error.start", "editor.error.end", "editor.error.capacity")));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        EventDraft draft = new EventDraft(null, "Late", Sector.LIBRARIES, null, Mode.ATTEND, LocalDate.of(2026, 6, 19),
                "18:00", "17:59", AgeBand.ALL, "");

        assertThat(draft.check(Fixtures.VENUE, LONDON, () -> ID))
                .isEqualTo(new EventDraft.Check.Invalid(java.util.List.of("editor.error.order")));
    }
}
