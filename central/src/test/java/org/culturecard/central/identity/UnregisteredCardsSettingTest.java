package org.culturecard.central.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.VenueConfig;
import org.junit.jupiter.api.Test;

/** The setting's logic over a map (the PostgreSQL table is UnregisteredCardsIT's): parse, store, re-publish. */
class UnregisteredCardsSettingTest {
    private static final VenueId VENUE = VenueId.of("riverside-library");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final Map<VenueId, UnregisteredCards> stored = new HashMap<>();
    private final List<VenueId> published = new ArrayList<>();
    private final UnregisteredCardsSetting setting = new UnregisteredCardsSetting(
            venue -> Optional.ofNullable(stored.get(venue)), (venue, value, at) -> {
                assertThat(at).isEqualTo(NOW);
                stored.put(venue, value);
            }, venue -> {
                published.add(venue);
                return VenueConfig.of(venue, 7, NOW, List.of());
            }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aVenueThatNeverChoseRecordsSilently() {
        assertThat(setting.of(VENUE)).isEqualTo(UnregisteredCards.RECORD_SILENTLY);
        assertThat(published).isEmpty();
    }

    @Test
    void aChoiceIsStoredAndTheVenuesConfigIsPublishedAgain() {
        assertThat(setting.set(VENUE, "record-and-remind")).isEqualTo(7);

        assertThat(stored).containsEntry(VENUE, UnregisteredCards.RECORD_AND_REMIND);
        assertThat(setting.of(VENUE)).isEqualTo(UnregisteredCards.RECORD_AND_REMIND);
        assertThat(published).containsExactly(VENUE);
    }

    @Test
    void anUnknownOrMissingValueIsRefusedNamingTheKeyAndNothingIsStoredOrPublished() {
        for (String bad : new String[] {"remind", "RECORD-AND-REMIND", "", " record-silently"}) {
            assertThatThrownBy(() -> setting.set(VENUE, bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unregisteredCards is one of record-silently, record-and-remind");
        }
        assertThatThrownBy(() -> setting.set(VENUE, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unregisteredCards is required");
        assertThat(stored).isEmpty();
        assertThat(published).isEmpty();
    }
}
