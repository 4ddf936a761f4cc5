package org.culturecard.sync.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.sync.venue.KioskEvent;
import org.junit.jupiter.api.Test;

class VenueSyncTest {
    private static final WireCodec CODEC = new WireCodec();

    private final FakeVenueStore store = new FakeVenueStore();
    private final FakeLink link = new FakeLink();
    private final VenueSync sync = new VenueSync(TestAgentConfig.config(), store, link, TestAgentConfig.clock());

    @Test
    void appliesTheVenuesConfigAndIgnoresAnotherVenuesOrAnUnreadableOne() throws Exception {
        sync.configArrived(CODEC.encode(VenueConfig.of(TestAgentConfig.VENUE, 3, TestAgentConfig.NOW, List.of(event()))));
        sync.configArrived(CODEC.encode(VenueConfig.of(VenueId.of("elsewhere"), 4, TestAgentConfig.NOW, List.of())));
        sync.configArrived("{not a config".getBytes(UTF_8));

        assertThat(store.applied).extracting(VenueConfig::version).containsExactly(3L);
    }

    @Test
    void sendsKioskMadeEventsOneMessageAtATimeAndMarksThemOnPuback() throws Exception {
        KioskEvent open = new KioskEvent(event(), false, "2026-03-02T09:00:00Z");
        KioskEvent closed = new KioskEvent(event(), true, "2026-03-02T09:30:00Z");
        store.unpublished.addAll(List.of(open, closed));

        sync.publishKioskEvents();
        sync.publishKioskEvents();

        assertThat(link.published).as("one message in flight at a time").hasSize(1);
        assertThat(link.last().topic()).isEqualTo(Topics.events(TestAgentConfig.VENUE, TestAgentConfig.KIOSK));
        KioskEvents sent = CODEC.decode(link.last().payload(), KioskEvents.class);
        assertThat(sent.events()).containsExactly(open.event());
        assertThat(sent.closed()).containsExactly(closed.event().id());
        assertThat(store.marked).isEmpty();

        link.last().answer(0);

        assertThat(store.marked).containsExactly(open, closed);
        sync.publishKioskEvents();
        assertThat(link.published).as("nothing new").hasSize(1);
        store.unpublished.add(new KioskEvent(event(), false, "2026-03-02T10:00:00Z"));
        sync.publishKioskEvents();
        assertThat(link.published).as("the next message may go").hasSize(2);
    }

    @Test
    void aLostConnectionLetsTheEventsGoAgainOnTheNextOne() throws Exception {
        store.unpublished.add(new KioskEvent(event(), false, "2026-03-02T09:00:00Z"));
        sync.publishKioskEvents();

        sync.disconnected();
        sync.publishKioskEvents();

        assertThat(link.published).hasSize(2);
        assertThat(store.marked).isEmpty();
    }

    @Test
    void sendsNothingWhileTheLinkIsDownOrNothingIsNew() throws Exception {
        sync.publishKioskEvents();
        link.up = false;
        store.unpublished.add(new KioskEvent(event(), false, "2026-03-02T09:00:00Z"));
        sync.publishKioskEvents();

        assertThat(link.published).isEmpty();
    }

    private static Event event() {
        Instant start = TestAgentConfig.NOW.plusSeconds(3600);
        return new Event(UUID.randomUUID(), TestAgentConfig.VENUE, "Story time", new Category(Sector.LIBRARIES, null,
                Mode.ATTEND), AgeBand.ALL, null, start, start.plusSeconds(3600), null);
    }

    /** The venue tables in memory: applies every config newer than the last. */
    private static final class FakeVenueStore implements VenueSync.VenueStore {
        final List<VenueConfig> applied = new ArrayList<>();
        final List<KioskEvent> unpublished = new ArrayList<>();
        final List<KioskEvent> marked = new ArrayList<>();

        @Override
        public int apply(VenueConfig snapshot, Instant now) {
            if (!applied.isEmpty() && applied.get(applied.size() - 1).version() >= snapshot.version()) {
                return -1;
            }
            applied.add(snapshot);
            return 0;
        }

        @Override
        public List<KioskEvent> unpublished(int max) {
            return List.copyOf(unpublished);
        }

        @Override
        public int markPublished(List<KioskEvent> sent) {
            marked.addAll(sent);
            unpublished.removeAll(sent);
            return sent.size();
        }
    }
}
