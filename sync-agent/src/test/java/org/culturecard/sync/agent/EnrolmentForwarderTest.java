package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class EnrolmentForwarderTest {
    private final MutableClock clock = new MutableClock(TestAgentConfig.NOW);
    private final FakeLink link = new FakeLink();
    private final FakeEnrolments outbox = new FakeEnrolments();
    private final WireCodec codec = new WireCodec();
    private final EnrolmentForwarder forwarder = new EnrolmentForwarder(
            TestAgentConfig.builder().ackTimeout(Duration.ofSeconds(30)).build(), outbox, link, clock,
            UUID::randomUUID, UUID.randomUUID());

    @Test
    void pendingRecordsGoOutAsOneBatchAndAreDeliveredOnlyOnItsAck() {
        Enrolment a = enrolment(1);
        Enrolment b = enrolment(2);
        outbox.add(a);
        outbox.add(b);

        forwarder.pump();
        forwarder.pump(); // one batch in flight at a time

        assertThat(link.published).hasSize(1);
        assertThat(link.last().topic()).isEqualTo(Topics.enrolments(TestAgentConfig.VENUE, TestAgentConfig.KIOSK));
        assertThat(link.last().retained()).isFalse();
        EnrolmentBatch batch = sent(0);
        assertThat(batch.records()).containsExactly(a, b);
        assertThat(batch.kioskId()).isEqualTo(TestAgentConfig.KIOSK);
        link.last().answer(0); // the broker's PUBACK is not central's ack
        assertThat(outbox.pending(100)).hasSize(2);

        assertThat(forwarder.ackArrived(ack(batch.batchId(), TestAgentConfig.KIOSK))).isTrue();

        assertThat(outbox.pending(100)).isEmpty();
        assertThat(outbox.deliveredAt).containsOnlyKeys(a.id(), b.id());
    }

    @Test
    void aCheckInBatchsAckOrAnotherKiosksIsLeftAlone() {
        outbox.add(enrolment(1));
        forwarder.pump();
        UUID batchId = sent(0).batchId();

        assertThat(forwarder.ackArrived(ack(UUID.randomUUID(), TestAgentConfig.KIOSK))).isFalse();
        assertThat(forwarder.ackArrived(ack(batchId, KioskId.of("kiosk-9")))).isFalse();
        assertThat(forwarder.ackArrived("{not an ack".getBytes())).isFalse();
        assertThat(outbox.pending(100)).hasSize(1);
    }

    @Test
    void nothingIsSentWhileTheLinkIsDownAndTheBatchInFlightGoesAgainAfterAReconnect() {
        Enrolment a = enrolment(1);
        outbox.add(a);
        link.up = false;
        forwarder.pump();
        assertThat(link.published).isEmpty();

        link.up = true;
        forwarder.pump();
        UUID lost = sent(0).batchId();
        forwarder.reset(); // the connection dropped before central's ack
        forwarder.pump();

        assertThat(link.published).hasSize(2);
        assertThat(sent(1).records()).containsExactly(a);
        assertThat(forwarder.ackArrived(ack(lost, TestAgentConfig.KIOSK))).as("the lost batch's late ack").isFalse();
        assertThat(forwarder.ackArrived(ack(sent(1).batchId(), TestAgentConfig.KIOSK))).isTrue();
        assertThat(outbox.pending(100)).isEmpty();
        assertThat(outbox.markings).as("marked delivered once").isEqualTo(1);
    }

    @Test
    void aBatchCentralDoesNotAckInTimeGoesAgain() {
        outbox.add(enrolment(1));
        forwarder.pump();
        clock.advance(Duration.ofSeconds(29));
        forwarder.expireUnacked(clock.instant());
        forwarder.pump();
        assertThat(link.published).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        forwarder.expireUnacked(clock.instant());
        forwarder.pump();

        assertThat(link.published).hasSize(2);
        assertThat(sent(1).records()).isEqualTo(sent(0).records());
        assertThat(sent(1).batchId()).isNotEqualTo(sent(0).batchId());
    }

    @Test
    void moreThanOneBatchGoesOutBatchAfterBatchAsAcksArrive() {
        for (int i = 0; i < EnrolmentBatch.MAX_RECORDS + 5; i++) {
            outbox.add(enrolment(i));
        }
        forwarder.pump();
        assertThat(sent(0).records()).hasSize(EnrolmentBatch.MAX_RECORDS);

        forwarder.ackArrived(ack(sent(0).batchId(), TestAgentConfig.KIOSK)); // pumps the next at once

        assertThat(link.published).hasSize(2);
        assertThat(sent(1).records()).hasSize(5);
    }

    @Test
    void aBrokerRefusalDropsTheConnection() {
        outbox.add(enrolment(1));
        forwarder.pump();

        link.last().answer(0x87);

        assertThat(link.refusals).singleElement().asString().contains("up/enrolments");
    }

    private EnrolmentBatch sent(int index) {
        try {
            return codec.decode(link.published.get(index).payload(), EnrolmentBatch.class);
        } catch (org.culturecard.core.wire.WireFormatException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] ack(UUID batchId, KioskId kiosk) {
        return codec.encode(BatchAck.of(batchId, kiosk, 1, 0, clock.instant()));
    }

    static Enrolment enrolment(int n) {
        return Enrolment.enrol(new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L | n), null,
                Token.of(String.format("%064x", n + 1)), null, LocalDate.of(2028, 8, 31),
                Instant.parse("2026-03-02T09:00:00Z"), null);
    }

    /** The enrolment outbox in memory. */
    static final class FakeEnrolments implements EnrolmentForwarder.Enrolments {
        final Map<UUID, Enrolment> rows = new LinkedHashMap<>();
        final Map<UUID, Instant> deliveredAt = new LinkedHashMap<>();
        int markings;

        void add(Enrolment enrolment) {
            rows.put(enrolment.id(), enrolment);
        }

        @Override
        public List<Enrolment> pending(int limit) {
            return new ArrayList<>(rows.values().stream().filter(e -> !deliveredAt.containsKey(e.id())).limit(limit).toList());
        }

        @Override
        public int markDelivered(Collection<UUID> ids, Instant at) {
            markings++;
            int changed = 0;
            for (UUID id : ids) {
                if (rows.containsKey(id) && deliveredAt.putIfAbsent(id, at) == null) {
                    changed++;
                }
            }
            return changed;
        }
    }
}
