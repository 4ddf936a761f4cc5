package org.culturecard.reader.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.culturecard.core.card.CardUid;
import org.junit.jupiter.api.Test;

class TapDebouncerTest {
    private static final CardUid AMIRA = CardUid.of(new byte[] {4, 1, 2, 3, 4, 5, 6});
    private static final CardUid BEN = CardUid.of(new byte[] {4, 9, 8, 7, 6, 5, 4});
    private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

    private final TapDebouncer debouncer = new TapDebouncer(Duration.ofSeconds(2));

    @Test
    void sameCardAgainWithinTheWindowIsOneTap() {
        assertThat(debouncer.isNewTap("r", AMIRA, T0)).isTrue();
        assertThat(debouncer.isNewTap("r", AMIRA, T0.plusMillis(1_500))).isFalse();
    }

    @Test
    void windowRunsFromTheCardLeavingNotFromItsArrival() {
        debouncer.isNewTap("r", AMIRA, T0);
        debouncer.cardLeft("r", T0.plusSeconds(10));

        assertThat(debouncer.isNewTap("r", AMIRA, T0.plusSeconds(11))).isFalse();
        assertThat(debouncer.isNewTap("r", AMIRA, T0.plusSeconds(14))).isTrue();
    }

    @Test
    void sameCardAfterTheWindowIsANewTap() {
        debouncer.isNewTap("r", AMIRA, T0);

        assertThat(debouncer.isNewTap("r", AMIRA, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void twoDifferentCardsInQuickSuccessionAreTwoTaps() {
        assertThat(debouncer.isNewTap("r", AMIRA, T0)).isTrue();
        assertThat(debouncer.isNewTap("r", BEN, T0.plusMillis(100))).isTrue();
        assertThat(debouncer.isNewTap("r", AMIRA, T0.plusMillis(200))).isTrue();
    }

    @Test
    void sameCardOnAnotherReaderIsANewTap() {
        debouncer.isNewTap("r0", AMIRA, T0);

        assertThat(debouncer.isNewTap("r1", AMIRA, T0.plusMillis(100))).isTrue();
    }

    @Test
    void forgottenReaderStartsAfresh() {
        debouncer.isNewTap("r", AMIRA, T0);
        debouncer.forget("r");

        assertThat(debouncer.isNewTap("r", AMIRA, T0.plusMillis(100))).isTrue();
    }
}
