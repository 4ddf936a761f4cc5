package org.culturecard.provisioning.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.junit.jupiter.api.Test;

/**
 * The broker's packet limit, derived from the code's own limits rather than guessed (ADR 7): the largest
 * legal message of each kind, built at its limits with the widest JSON encoding its fields allow,
 * on the longest topic, must fit; and the limit is only just above the largest of them.
 */
class BrokerLimitsTest {
    /** Ids are at most 64 characters, so this is the longest topic a kiosk or central uses. */
    static final VenueId VENUE = VenueId.of("v".repeat(64));
    static final KioskId KIOSK = KioskId.of("k".repeat(64));
    /** Fixed header (1 + 4-byte remaining length), topic length (2), packet id (2) and a property block. */
    static final int PACKET_OVERHEAD = 1 + 4 + 2 + 2 + 1024;
    /** A control character is written by JSON as {@code \\u} and four hex digits: six bytes for one character, the widest. */
    static final String WIDEST_CHAR = "\u0001";
    /** A BMP character outside ASCII: three UTF-8 bytes (names refuse control characters). */
    static final String WIDE_NAME_CHAR = "\u20ac";

    private final WireCodec codec = new WireCodec();

    static int largestTopic() {
        return Math.max(Topics.checkins(VENUE, KIOSK).length(), Math.max(Topics.events(VENUE, KIOSK).length(),
                Math.max(Topics.status(VENUE, KIOSK).length(), Topics.acks(VENUE, KIOSK).length())));
    }

    static Event widestEvent(int i) {
        return new Event(UUID.randomUUID(), VENUE, WIDEST_CHAR.repeat(Event.MAX_TITLE),
                new Category(Sector.ARTS, ArtsActivity.STREET_ARTS_CIRCUS_CARNIVAL, Mode.TAKE_PART), AgeBand.AGE_11_15,
                LearningLayer.PARTICIPATE, Instant.parse("2026-12-31T23:59:59.999999999Z").minusSeconds(i + 1L),
                Instant.parse("2026-12-31T23:59:59.999999999Z"), Integer.MAX_VALUE);
    }

    static StaffMember widestMember(int i) {
        String hash = "pbkdf2-sha256$2000000$" + "A".repeat(86) + "$" + "B".repeat(43);
        return new StaffMember(UUID.randomUUID(), WIDE_NAME_CHAR.repeat(StaffMember.MAX_NAME - 3) + String.format("%03d", i),
                hash, Token.of(String.format("%064x", i)), Instant.parse("2026-12-31T23:59:59.999999999Z"));
    }

    /** The largest venue config: every event and every staff member its limits allow. */
    byte[] largestVenueConfig() {
        List<Event> events = IntStream.range(0, VenueConfig.MAX_EVENTS).mapToObj(BrokerLimitsTest::widestEvent).toList();
        List<StaffMember> members = IntStream.range(0, VenueStaff.MAX_MEMBERS).mapToObj(BrokerLimitsTest::widestMember).toList();
        return codec.encode(VenueConfig.of(VENUE, Long.MAX_VALUE, Instant.parse("2026-12-31T23:59:59.999999999Z"), events,
                new VenueStaff(StaffAuth.CARD_AND_PIN, true, members)));
    }

    byte[] largestKioskEvents() {
        List<Event> events = new ArrayList<>(IntStream.range(0, KioskEvents.MAX_EVENTS).mapToObj(BrokerLimitsTest::widestEvent).toList());
        return codec.encode(KioskEvents.of(KIOSK, VENUE, Instant.parse("2026-12-31T23:59:59.999999999Z"), events, List.of()));
    }

    @Test
    void theLargestLegalMessageFitsJustUnderTheBrokersPacketLimit() {
        int config = largestVenueConfig().length;
        int events = largestKioskEvents().length;
        // A batch is at most CheckInBatch.MAX_BYTES (the agent's cap; central refuses more), and central's fleet
        // listener refuses a status over the same 64 KiB.
        int largest = Math.max(config, Math.max(events, CheckInBatch.MAX_BYTES));
        int largestPacket = largest + largestTopic() + PACKET_OVERHEAD;

        assertThat(BrokerConfig.MAX_PACKET_SIZE).isGreaterThanOrEqualTo(largestPacket)
                .isLessThan(largestPacket + 4096);
    }

    /** The enrolled-card filter travels in retained chunks (issue 13): the largest, on its longest topic, fits too. */
    @Test
    void theLargestEnrolledFilterChunkFitsUnderTheBrokersPacketLimit() {
        byte[] bytes = new byte[FilterChunk.MAX_PAYLOAD_BYTES];
        java.util.Arrays.fill(bytes, (byte) 0xff);
        FilterChunk widest = FilterChunk.of(Long.MAX_VALUE, FilterScope.of(VENUE), FilterChunk.MAX_CHUNKS - 1,
                FilterChunk.MAX_CHUNKS, FilterChunk.MAX_CHUNKS * FilterChunk.MAX_PAYLOAD_BYTES, "f".repeat(64), bytes);
        int encoded = codec.encode(widest).length;
        int topic = Math.max(Topics.filterChunk(widest).length(), Topics.filterChunk(FilterScope.SCHEME, FilterChunk.MAX_CHUNKS - 1).length());

        assertThat(encoded).isLessThanOrEqualTo(FilterChunk.MAX_MESSAGE_BYTES);
        assertThat(encoded + topic + PACKET_OVERHEAD).isLessThanOrEqualTo(BrokerConfig.MAX_PACKET_SIZE);
    }
}
