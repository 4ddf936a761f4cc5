package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Token;
import org.culturecard.kioskdb.KioskDb.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrolment outbox: records kept as wire JSON in order, delivered by id, and the day's undoable ones. */
class EnrolmentOutboxTest {
    private static final Instant MORNING = Instant.parse("2026-11-25T09:00:00Z");
    private static final UUID STAFF = UUID.fromString("01937a2b-0000-7000-8000-0000000000aa");
    private final UuidV7 ids = new UuidV7(Clock.fixed(MORNING, ZoneOffset.UTC), new Random(7));
    @TempDir
    Path dir;
    private KioskDb db;

    @BeforeEach
    void open() {
        db = KioskDb.open(dir.resolve("kiosk.db"), Role.KIOSK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recordsComeBackAsTheyWentInOldestFirstUntilDelivered() {
        Enrolment first = enrol('1', '2', MORNING);
        Enrolment second = enrol('3', '4', MORNING.plusSeconds(60));
        write(t -> t.enrolments().append(first) && t.enrolments().append(second));

        assertThat(pending(10)).containsExactly(first, second);
        assertThat(pending(1)).containsExactly(first);
        assertThat(backlog()).isEqualTo(2);

        assertThat(db.<Integer>write("ack", t -> t.enrolments().markDelivered(List.of(first.id()), MORNING.plusSeconds(5))))
                .isEqualTo(1);
        assertThat(db.<Integer>write("ack again", t -> t.enrolments().markDelivered(List.of(first.id()), MORNING.plusSeconds(6))))
                .isZero();
        assertThat(pending(10)).containsExactly(second);
        assertThat(backlog()).isEqualTo(1);
    }

    @Test
    void aRepeatedRecordIsKeptOnce() {
        Enrolment record = enrol('1', '2', MORNING);
        assertThat(db.<Boolean>write("append", t -> t.enrolments().append(record))).isTrue();
        assertThat(db.<Boolean>write("append again", t -> t.enrolments().append(record))).isFalse();
        assertThat(backlog()).isEqualTo(1);
    }

    @Test
    void todaysEnrolmentsNotYetUndoneCanBeUndoneNewestFirst() {
        Enrolment yesterday = enrol('1', '2', MORNING.minusSeconds(86_400));
        Enrolment early = enrol('3', '4', MORNING);
        Enrolment late = enrol('5', '6', MORNING.plusSeconds(3600));
        write(t -> t.enrolments().append(yesterday) && t.enrolments().append(early) && t.enrolments().append(late));
        assertThat(undoable(MORNING.minusSeconds(3600)))
                .containsExactly(late, early);

        Enrolment undo = Enrolment.undo(ids.get(), late, MORNING.plusSeconds(3700), STAFF);
        write(t -> t.enrolments().append(undo));
        assertThat(undoable(MORNING.minusSeconds(3600)))
                .containsExactly(early);
        assertThat(pending(10)).containsExactly(yesterday, early, late, undo);
    }

    @Test
    void theFileHoldsTokensAndTheBandOnlyAsWireJson() throws Exception {
        write(t -> t.enrolments().append(enrol('1', '2', MORNING)));
        try (RawFile raw = new RawFile(dir.resolve("kiosk.db"))) {
            String payload = raw.one("SELECT payload FROM enrolment_outbox");
            assertThat(payload).contains("\"kind\":\"ENROL\"", "\"ageBand\":\"11-15\"", "\"barcodeToken\":\"2222");
            assertThat(raw.one("SELECT kind FROM enrolment_outbox")).isEqualTo("ENROL");
        }
    }

    @Test
    void aRowThatIsNotARecordIsAnErrorNamingTheRow() throws Exception {
        try (RawFile raw = new RawFile(dir.resolve("kiosk.db"))) {
            raw.update("INSERT INTO enrolment_outbox (enrolment_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                    ids.get().toString(), "ENROL", "{\"id\":\"nonsense\"}", "2026-11-25T09:00:00.000Z");
        }
        assertThatThrownBy(() -> pending(10))
                .isInstanceOf(KioskDbException.class).hasMessageContaining("enrolment_outbox row 1");
    }

    private Enrolment enrol(char chip, char barcode, Instant at) {
        AgeBand.Reading band = AgeBand.of(LocalDate.of(2013, 6, 1), at).orElseThrow();
        return Enrolment.enrol(ids.get(), token(chip), token(barcode), band, LocalDate.of(2028, 1, 31), at, STAFF);
    }

    private static Token token(char digit) {
        return new Token(String.valueOf(digit).repeat(64));
    }

    private List<Enrolment> pending(int limit) {
        return db.read("read pending records", t -> t.enrolments().pending(limit));
    }

    private long backlog() {
        return db.read("read the backlog", t -> t.enrolments().backlog());
    }

    private List<Enrolment> undoable(Instant since) {
        return db.read("read today's records", t -> t.enrolments().undoableSince(since));
    }

    private void write(KioskDb.Work<Boolean> work) {
        assertThat(db.write("append", work)).isTrue();
    }
}
