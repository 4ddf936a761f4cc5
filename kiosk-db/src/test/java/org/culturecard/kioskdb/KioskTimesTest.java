package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class KioskTimesTest {
    private static final Instant AT = Instant.parse("2026-11-25T15:10:09.123456789Z");

    @Test
    void writesTheTwoWidthsFilesInTheFieldHold() {
        assertThat(KioskTimes.format(AT)).isEqualTo("2026-11-25T15:10:09.123Z");
        assertThat(KioskTimes.formatNanos(AT)).isEqualTo("2026-11-25T15:10:09.123456789Z");
        assertThat(KioskTimes.format(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000Z");
    }

    @Test
    void readsBothWidths() {
        assertThat(KioskTimes.parse(KioskTimes.format(AT))).isEqualTo(Instant.parse("2026-11-25T15:10:09.123Z"));
        assertThat(KioskTimes.parse(KioskTimes.formatNanos(AT))).isEqualTo(AT);
    }

    @Test
    void aTimeTheKioskWroteIsReadByTheSyncAgentAndTheOtherWayRound() {
        // The kiosk writes created_at, the agent's outbox reads it for the oldest pending age;
        // the agent writes events' times from the venue config, the kiosk reads them.
        String kioskWrote = "2026-11-25T15:10:09.123Z"; // as files written before one owner hold it
        assertThat(KioskTimes.format(KioskTimes.parse(kioskWrote))).isEqualTo(kioskWrote);
        String agentWrote = "2026-11-25T15:10:09.123456789Z";
        assertThat(KioskTimes.formatNanos(KioskTimes.parse(agentWrote))).isEqualTo(agentWrote);
    }

    @Test
    void textOrderIsTimeOrderWithinAWidth() {
        Instant later = AT.plusMillis(1);
        assertThat(KioskTimes.format(AT)).isLessThan(KioskTimes.format(later));
        assertThat(KioskTimes.formatNanos(AT)).isLessThan(KioskTimes.formatNanos(AT.plusNanos(1)));
        assertThat(KioskTimes.format(Instant.parse("2026-09-30T23:59:59.999Z")))
                .isLessThan(KioskTimes.format(Instant.parse("2026-10-01T00:00:00Z")));
    }

    @Test
    void refusesTextThatIsNotAUtcTime() {
        assertThatThrownBy(() -> KioskTimes.parse("25/11/2026 15:10")).isInstanceOf(DateTimeParseException.class)
                .hasMessageContaining("25/11/2026 15:10");
        assertThatThrownBy(() -> KioskTimes.parse("2026-11-25 15:10:09")).isInstanceOf(DateTimeParseException.class);
    }
}
