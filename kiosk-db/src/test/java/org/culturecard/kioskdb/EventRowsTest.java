package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.VenueId;
import org.junit.jupiter.api.Test;

class EventRowsTest {
    private static final UUID ID = UUID.fromString("01937a2b-4c5d-7e6f-8a9b-0c1d2e3f4a5b");
    private static final Instant START = Instant.parse("2026-11-25T15:00:00.250Z");

    @Test
    void givesAnEventsColumnsInTheirOrderAsWireCodesAndKioskTimes() {
        Event event = new Event(ID, VenueId.of("museum"), "Dance Lab",
                new Category(Sector.ARTS, ArtsActivity.DANCE, Mode.TAKE_PART), AgeBand.AGE_11_15,
                LearningLayer.PARTICIPATE, START, START.plusSeconds(3600), 20);

        assertThat(EventRows.eventValues(event)).containsExactly(ID.toString(), "museum", "Dance Lab", "arts", "dance",
                "take-part", "11-15", "participate", "2026-11-25T15:00:00.250Z", "2026-11-25T16:00:00.250Z", 20);
        assertThat(EventRows.EVENT_COLUMNS.split(",")).hasSize(EventRows.eventValues(event).size());
    }

    @Test
    void givesNullsForWhatAnEventLeavesOut() {
        Event event = new Event(ID, VenueId.of("museum"), "Archive open day",
                new Category(Sector.ARCHIVES, null, Mode.ATTEND), AgeBand.ALL, null, START, START.plusSeconds(60), null);

        assertThat(EventRows.eventValues(event)).containsExactly(ID.toString(), "museum", "Archive open day",
                "archives", null, "attend", "all", null, "2026-11-25T15:00:00.250Z", "2026-11-25T15:01:00.250Z", null);
    }
}
