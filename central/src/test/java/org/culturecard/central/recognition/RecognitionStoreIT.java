package org.culturecard.central.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.culturecard.central.recognition.RecognitionFixtures.MUSEUM_EVENT;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.culturecard.central.identity.Identities;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.central.store.PostgresIdentityStore;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recognition on real PostgreSQL, below the broker: check-ins stored as ingest stores them (with the
 * dirty marks), the evaluator's tick run by hand. Redelivered, late and reordered check-ins give the
 * same awards; a merge moves awards to the canonical person without duplicates.
 */
class RecognitionStoreIT {
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private record Db(String url, PostgresCheckInStore store, Recognition recognition) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    private Db open(String name) throws Exception {
        String url = DB.server().createDatabase(name);
        PostgresCheckInStore store = PostgresCheckInStore.open(url, DB.server().user(), DB.server().password(), 4, CLOCK);
        RecognitionFixtures.museumEvent(url, DB.server().user(), DB.server().password(), "museum");
        AchievementBook book = AchievementBook.load(RecognitionFixtures.definitions(dir, RecognitionFixtures.DEFINITIONS));
        return new Db(url, store, new Recognition(store.dataSource(), book, CLOCK));
    }

    private List<String> awards(Db db) throws Exception {
        return RecognitionFixtures.awards(db.url(), DB.server().user(), DB.server().password());
    }

    private long count(Db db, String sql) throws Exception {
        return RecognitionFixtures.count(db.url(), DB.server().user(), DB.server().password(), sql);
    }

    private static List<Token> people(RecognitionFixtures f, int n) {
        List<Token> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(f.token());
        }
        return people;
    }

    /** Several people's taps at a library and a museum over a few weeks. */
    private static List<CheckIn> history(RecognitionFixtures f, List<Token> people, Random random) {
        List<CheckIn> taps = new ArrayList<>();
        for (Token person : people) {
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                boolean museum = random.nextBoolean();
                taps.add(f.tap(person, museum ? "museum" : "library", museum ? "m1" : "l1", museum ? MUSEUM_EVENT : null,
                        T0.plusSeconds(random.nextInt(30 * 86_400))));
            }
        }
        return taps;
    }

    private static void store(Db db, List<CheckIn> taps, int batchSize) {
        for (int i = 0; i < taps.size(); i += batchSize) {
            List<CheckIn> part = taps.subList(i, Math.min(taps.size(), i + batchSize));
            for (String venue : List.of("museum", "library")) {
                List<CheckIn> here = part.stream().filter(c -> c.venueId().value().equals(venue)).toList();
                if (!here.isEmpty()) {
                    db.store().insertBatch(RecognitionFixtures.batch(venue, here.get(0).kioskId().value(), here));
                }
            }
        }
    }

    @Test
    void redeliveredLateAndReorderedCheckInsGiveTheSameAwards() throws Exception {
        RecognitionFixtures f = new RecognitionFixtures(14);
        List<Token> people = people(f, 20);
        List<CheckIn> taps = history(f, people, new Random(1));
        try (Db inOrder = open("rec_in_order"); Db shuffled = open("rec_shuffled")) {
            List<CheckIn> sorted = new ArrayList<>(taps);
            sorted.sort((a, b) -> a.tappedAt().compareTo(b.tappedAt()));
            store(inOrder, sorted, 7);
            inOrder.recognition().evaluateDirty();

            List<CheckIn> late = new ArrayList<>(taps);
            Collections.shuffle(late, new Random(2));
            for (int i = 0; i < late.size(); i += 5) { // evaluated between deliveries, each batch delivered twice
                List<CheckIn> part = late.subList(i, Math.min(late.size(), i + 5));
                store(shuffled, part, 5);
                shuffled.recognition().evaluateDirty();
                store(shuffled, part, 5);
            }
            shuffled.recognition().evaluateDirty();

            assertThat(awards(inOrder)).isNotEmpty().isEqualTo(awards(shuffled));
            assertThat(count(shuffled, "SELECT count(*) FROM recognition_dirty")).isZero();
            assertThat(count(inOrder, "SELECT count(*) FROM awards WHERE achievement_id = 'three-visits'"))
                    .isEqualTo(count(inOrder, "SELECT count(*) FROM (SELECT token FROM check_ins GROUP BY token"
                            + " HAVING count(*) >= 3) t"));
        }
    }

    @Test
    void anEarlierLateCheckInBecomesTheCompletingOneWithoutASecondAward() throws Exception {
        RecognitionFixtures f = new RecognitionFixtures(15);
        Token person = f.token();
        try (Db db = open("rec_late")) {
            List<CheckIn> taps = List.of(f.tap(person, "library", "l1", null, T0.plusSeconds(86_400)),
                    f.tap(person, "library", "l1", null, T0.plusSeconds(2 * 86_400)),
                    f.tap(person, "library", "l1", null, T0.plusSeconds(3 * 86_400)));
            store(db, taps, 3);
            db.recognition().evaluateDirty();
            CheckIn late = f.tap(person, "museum", "m1", null, T0);
            store(db, List.of(late), 1);
            db.recognition().evaluateDirty();
            assertThat(count(db, "SELECT count(*) FROM awards WHERE achievement_id = 'three-visits'")).isEqualTo(1);
            assertThat(awards(db)).contains(person.value().substring(0, 8) + " three-visits " + taps.get(1).id() + " library",
                    person.value().substring(0, 8) + " wanderer " + taps.get(0).id() + " library");
        }
    }

    @Test
    void aMergeMovesAwardsToTheCanonicalPersonWithoutDuplicates() throws Exception {
        RecognitionFixtures f = new RecognitionFixtures(16);
        Token chip = f.token();
        Token barcode = f.token();
        try (Db db = open("rec_merge")) {
            // the chip earns three-visits and museum-explorer; the barcode three-visits and wanderer
            store(db, List.of(f.tap(chip, "museum", "m1", MUSEUM_EVENT, T0), f.tap(chip, "museum", "m1", MUSEUM_EVENT,
                    T0.plusSeconds(60)), f.tap(chip, "museum", "m1", MUSEUM_EVENT, T0.plusSeconds(120))), 3);
            store(db, List.of(f.tap(barcode, "library", "l1", null, T0.plusSeconds(86_400)),
                    f.tap(barcode, "library", "l1", null, T0.plusSeconds(2 * 86_400))), 2);
            store(db, List.of(f.tap(barcode, "museum", "m1", null, T0.plusSeconds(3 * 86_400))), 1);
            db.recognition().evaluateDirty();
            assertThat(count(db, "SELECT count(*) FROM awards")).isEqualTo(4);

            Enrolment enrol = Enrolment.enrol(UUID.fromString("01890000-0000-7000-8000-000000000001"), chip, barcode,
                    new AgeBand.Reading(AgeBand.AGE_16_19, YearMonth.of(2028, 5)), LocalDate.of(2027, 1, 1),
                    T0.plusSeconds(4 * 86_400), null);
            new PostgresIdentityStore(db.store().dataSource()).inTransaction(tx -> new Identities().apply(tx, enrol,
                    VenueId.of("library"), KioskId.of("l1"), T0.plusSeconds(4 * 86_400)));
            db.recognition().evaluateDirty();

            assertThat(count(db, "SELECT count(DISTINCT person_id) FROM awards")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM awards")).isEqualTo(4); // three-visits once, + museum-explorer, wanderer, explorer
            assertThat(count(db, "SELECT count(*) FROM awards a JOIN people p ON p.person_id = a.person_id"
                    + " WHERE p.canonical_id IS NOT NULL AND p.canonical_id <> p.person_id")).isZero();
            assertThat(count(db, "SELECT count(*) FROM awards WHERE achievement_id = 'explorer'")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM recognition_dirty_people")).isZero();
        }
    }

    @Test
    void theAgeBandIsTheOneAtTheTimeOfTheTapAndProgressCountsThePathway() throws Exception {
        RecognitionFixtures f = new RecognitionFixtures(18);
        Token chip = f.token();
        Token barcode = f.token();
        try (Db db = open("rec_band")) {
            Enrolment enrol = Enrolment.enrol(UUID.fromString("01890000-0000-7000-8000-000000000002"), chip, barcode,
                    new AgeBand.Reading(AgeBand.AGE_16_19, YearMonth.of(2026, 3)), LocalDate.of(2027, 1, 1), T0, null);
            new PostgresIdentityStore(db.store().dataSource()).inTransaction(tx -> new Identities().apply(tx, enrol,
                    VenueId.of("library"), KioskId.of("l1"), T0));
            store(db, List.of(f.tap(chip, "museum", "m1", MUSEUM_EVENT, Instant.parse("2026-02-28T23:30:00Z"))), 1);
            db.recognition().evaluateDirty();
            assertThat(count(db, "SELECT count(*) FROM awards WHERE achievement_id = 'twenty-something'")).isZero();
            CheckIn march = f.tap(barcode, "museum", "m1", MUSEUM_EVENT, Instant.parse("2026-03-01T00:30:00Z"));
            store(db, List.of(march), 1);
            db.recognition().evaluateDirty();
            assertThat(awards(db)).contains(chip.value().substring(0, 8) + " twenty-something " + march.id() + " museum",
                    chip.value().substring(0, 8) + " museum-explorer " + march.id() + " museum");

            int person = db.recognition().personOf(barcode.value()).orElseThrow();
            assertThat(db.recognition().progress(person)).isEmpty();
            db.recognition().setGoal(chip.value(), "young-explorer");
            assertThat(db.recognition().progress(person)).hasValueSatisfying(p -> {
                assertThat(p.pathway()).isEqualTo("young-explorer");
                assertThat(p.done()).isEqualTo(1);
                assertThat(p.total()).isEqualTo(2);
                assertThat(p.complete()).isFalse();
            });
        }
    }

    @Test
    void backfillAwardsHistoryForOneAchievementOnly() throws Exception {
        RecognitionFixtures f = new RecognitionFixtures(17);
        List<Token> people = people(f, 30);
        try (Db db = open("rec_backfill")) {
            store(db, history(f, people, new Random(3)), 10);
            Recognition.Backfill done = db.recognition().backfill("wanderer", 7, persons -> { });
            assertThat(done.persons()).isEqualTo(30);
            assertThat(count(db, "SELECT count(DISTINCT achievement_id) FROM awards")).isEqualTo(1);
            assertThat((long) done.awards()).isEqualTo(count(db, "SELECT count(*) FROM (SELECT token FROM check_ins"
                    + " GROUP BY token HAVING count(DISTINCT venue_id) >= 2) t")).isPositive();
            assertThat(db.recognition().backfill("wanderer", 100, persons -> { }).awards()).isZero();
        }
    }
}
