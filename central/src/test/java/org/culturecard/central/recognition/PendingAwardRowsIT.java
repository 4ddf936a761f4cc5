package org.culturecard.central.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.culturecard.central.recognition.RecognitionFixtures.MUSEUM_EVENT;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The pending awards an ack carries (ADR 0037), on real PostgreSQL: not shown yet, with goal progress, none once shown. */
class PendingAwardRowsIT {
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void readsTheAwardsNotShownYetOfTheBatchTokensPeopleWithTheirGoalProgress() throws Exception {
        String url = DB.server().createDatabase("pending_awards");
        try (PostgresCheckInStore store = PostgresCheckInStore.open(url, DB.server().user(), DB.server().password(), 2, CLOCK)) {
            RecognitionFixtures.museumEvent(url, DB.server().user(), DB.server().password(), "museum");
            AchievementBook book = AchievementBook.load(RecognitionFixtures.definitions(dir, RecognitionFixtures.DEFINITIONS));
            Recognition recognition = new Recognition(store.dataSource(), book, CLOCK);
            RecognitionFixtures f = new RecognitionFixtures(37);
            Token ada = f.token();
            Token other = f.token();
            store.insertBatch(RecognitionFixtures.batch("museum", "m1", List.of(
                    f.tap(ada, "museum", "m1", MUSEUM_EVENT, T0), f.tap(ada, "museum", "m1", MUSEUM_EVENT, T0.plusSeconds(60)),
                    f.tap(other, "museum", "m1", null, T0))));
            recognition.evaluateDirty();
            recognition.setGoal(ada.value(), "young-explorer");
            PendingAwardRows pending = new PendingAwardRows(store.dataSource(), book);

            List<PendingAward> awards = pending.of(List.of(ada, other));

            assertThat(awards).extracting(PendingAward::token, PendingAward::achievementId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ada, "museum-explorer"));
            PendingAward award = awards.get(0);
            assertThat(award.name("en")).isEqualTo("Museum Explorer");
            assertThat(award.image()).isEqualTo("badges/museum-explorer.png");
            assertThat(List.of(award.progressDone(), award.progressOf())).containsExactly(1, 2);
            assertThat(award.progressPathway()).isEqualTo("Young Explorer");

            try (Connection c = DriverManager.getConnection(url, DB.server().user(), DB.server().password());
                    Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE awards SET shown_at = now()");
            }
            assertThat(pending.of(List.of(ada, other))).as("a shown award is not sent again").isEmpty();
        }
    }
}
