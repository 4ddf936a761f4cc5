package org.culturecard.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiskBudgetTest {
    private static final Instant AT = Instant.parse("2026-11-25T15:10:09Z");

    @Test
    void readsTheRowTheSyncAgentWritesIgnoringNamesItDoesNotKnow() {
        assertThat(DiskBudget.parse("alert=HALF percent=62 used=1331439862 budget=2147483648 at=2026-11-25T15:10:09Z"))
                .contains(new DiskBudget(DiskBudget.Alert.HALF, 62, 1_331_439_862L, 2_147_483_648L, AT));
        assertThat(DiskBudget.parse(" at=2026-11-25T15:10:09Z budget=1000 used=1200 percent=120 alert=OVER trend=up "))
                .contains(new DiskBudget(DiskBudget.Alert.OVER, 120, 1200, 1000, AT));
    }

    @Test
    void aRowNotInTheAgentsFormIsUnknown() {
        assertThat(DiskBudget.parse("")).isEmpty();
        assertThat(DiskBudget.parse("HIGH 83%")).isEmpty();
        assertThat(DiskBudget.parse("alert=SEVERE percent=90 used=9 budget=10 at=2026-11-25T15:10:09Z")).isEmpty();
        assertThat(DiskBudget.parse("alert=HIGH percent=90 used=9 budget=10")).isEmpty();
        assertThat(DiskBudget.parse("alert=HIGH percent=ninety used=9 budget=10 at=2026-11-25T15:10:09Z")).isEmpty();
        assertThat(DiskBudget.parse("alert=HIGH percent=90 used=9 budget=0 at=2026-11-25T15:10:09Z")).isEmpty();
        assertThat(DiskBudget.parse("alert=HIGH percent=90 used=9 budget=10 at=yesterday")).isEmpty();
    }

    @Test
    void isStaleOnlyAfterFifteenMinutesWithoutARefresh() {
        DiskBudget budget = new DiskBudget(DiskBudget.Alert.NONE, 10, 1, 10, AT);

        assertThat(budget.staleAt(AT.plus(DiskBudget.STALE_AFTER))).isFalse();
        assertThat(budget.staleAt(AT.plus(DiskBudget.STALE_AFTER).plusSeconds(1))).isTrue();
    }

    @Test
    void theAgentsFormatReadsBackAsTheSameVerdict() {
        DiskBudget verdict = DiskBudget.measured(1_331_439_862L, 2_147_483_648L, AT);

        assertThat(verdict.format()).isEqualTo("alert=HALF percent=62 used=1331439862 budget=2147483648 at=2026-11-25T15:10:09Z");
        assertThat(DiskBudget.parse(verdict.format())).contains(verdict);
    }

    @Test
    void warnsFromHalfAlertsFromEightyPercentAndIsOverFromTheWholeBudget() {
        assertThat(DiskBudget.measured(499, 1000, AT).alert()).isEqualTo(DiskBudget.Alert.NONE);
        assertThat(DiskBudget.measured(500, 1000, AT).alert()).isEqualTo(DiskBudget.Alert.HALF);
        assertThat(DiskBudget.measured(799, 1000, AT).alert()).isEqualTo(DiskBudget.Alert.HALF);
        assertThat(DiskBudget.measured(800, 1000, AT).alert()).isEqualTo(DiskBudget.Alert.HIGH);
        assertThat(DiskBudget.measured(1000, 1000, AT).alert()).isEqualTo(DiskBudget.Alert.OVER);
        assertThat(DiskBudget.measured(1200, 1000, AT).percent()).isEqualTo(120);
    }
}
