package org.culturecard.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteKioskStore#recordVisit} on a real SQLite file: one transaction decides and records. */
class RecordVisitTest {
    private static final Token AMIRA = Token.of("a".repeat(64));
    private static final Token BEN = Token.of("b".repeat(64));

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final UuidV7 ids = Fixtures.ids(clock);
    private SqliteKioskStore store;

    @BeforeEach
    void open() {
        store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recordsAVisitToTheRunningEventWithItsOutboxRowAndCountsTheDay() {
        Event event = activeEvent("Youth theatre", Duration.ofHours(2));

        VisitOutcome outcome = store.recordVisit(request(AMIRA));

        assertThat(outcome).isInstanceOfSatisfying(VisitOutcome.Recorded.class, recorded -> {
            assertThat(recorded.event()).contains(event);
            assertThat(recorded.checkIn().eventId()).isEqualTo(event.id());
            assertThat(recorded.checkIn().seq()).isEqualTo(1);
            assertThat(recorded.visitDaysThisYear()).isEqualTo(1);
        });
        assertThat(store.outboxBacklog()).isEqualTo(1);
        assertThat(store.hasCheckedInToEvent(AMIRA, event.id())).isTrue();
    }

    @Test
    void aSecondVisitIsAlreadyRecordedWritesNothingAndLeavesNoGapInTheSequence() {
        Event event = activeEvent("Youth theatre", Duration.ofHours(2));
        store.recordVisit(request(AMIRA));

        VisitOutcome again = store.recordVisit(request(AMIRA));
        VisitOutcome other = store.recordVisit(request(BEN));

        assertThat(again).isEqualTo(new VisitOutcome.AlreadyRecorded(Optional.of(event)));
        assertThat(other).isInstanceOfSatisfying(VisitOutcome.Recorded.class,
                recorded -> assertThat(recorded.checkIn().seq()).isEqualTo(2));
        assertThat(store.outboxBacklog()).isEqualTo(2);
    }

    @Test
    void withNoEventRunningItIsOneGeneralVisitADayCountedOverTheYear() {
        activeEvent("Finished at six", Duration.ofMinutes(20));

        VisitOutcome first = store.recordVisit(request(AMIRA));
        VisitOutcome sameDay = store.recordVisit(request(AMIRA));
        clock.advance(Duration.ofDays(3));
        VisitOutcome later = store.recordVisit(request(AMIRA));

        assertThat(first).isInstanceOfSatisfying(VisitOutcome.Recorded.class, recorded -> {
            assertThat(recorded.event()).as("an event that has ended is no event").isEmpty();
            assertThat(recorded.checkIn().eventId()).isNull();
        });
        assertThat(sameDay).isEqualTo(new VisitOutcome.AlreadyRecorded(Optional.empty()));
        assertThat(later).isInstanceOfSatisfying(VisitOutcome.Recorded.class,
                recorded -> assertThat(recorded.visitDaysThisYear()).isEqualTo(2));
    }

    /**
     * The decision is taken inside the write transaction: while another process holds the write lock
     * and closes the event, the visit waits, then sees the event closed and records a general visit.
     * Deciding before the lock (separate store calls) would record a check-in to the closed event.
     */
    @Test
    void decidesOnlyOnceItHoldsTheWriteLockSoAnEventClosedMeanwhileIsNotCheckedInto() throws Exception {
        Event event = activeEvent("Youth theatre", Duration.ofHours(2));
        CompletableFuture<VisitOutcome> outcome;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kiosk.db"));
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.executeUpdate("UPDATE events SET active = 0, closed = 1 WHERE id = '" + event.id() + "'");

            outcome = CompletableFuture.supplyAsync(() -> store.recordVisit(request(AMIRA)));
            Thread.sleep(300);
            assertThat(outcome).as("waits for the other writer").isNotDone();

            statement.execute("COMMIT");
        }

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(VisitOutcome.Recorded.class,
                recorded -> {
                    assertThat(recorded.event()).isEmpty();
                    assertThat(recorded.checkIn().eventId()).isNull();
                });
        assertThat(store.hasCheckedInToEvent(AMIRA, event.id())).isFalse();
    }

    private VisitRequest request(Token token) {
        Instant now = clock.instant();
        return new VisitRequest(ids.get(), token, Fixtures.VENUE, Fixtures.KIOSK, now,
                LocalDate.ofInstant(now, ZoneOffset.UTC), true, CardKind.MIFARE_CLASSIC_1K, "0.1.0-test");
    }

    private Event activeEvent(String title, Duration length) {
        Event event = Fixtures.event(title, clock.instant().minus(Duration.ofMinutes(30)), length);
        store.upsertEvent(event, EventOrigin.KIOSK);
        store.makeActive(event.id());
        return event;
    }
}
