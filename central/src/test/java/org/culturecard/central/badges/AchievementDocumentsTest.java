package org.culturecard.central.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.culturecard.badges.AchievementInfo;
import org.culturecard.badges.Alignment;
import org.assertj.core.groups.Tuple;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.rules.Achievement;
import org.culturecard.core.rules.Rule;
import org.culturecard.core.rules.VisitFilter;
import org.junit.jupiter.api.Test;

class AchievementDocumentsTest {
    private static final Rule RULE = new Rule.CheckIns(2, VisitFilter.ANY);
    private final AchievementDocuments documents = new AchievementDocuments(URI.create("https://central.example.org/"));

    private static Achievement achievement(String image, String criteria, Achievement.Alignment alignment) {
        return new Achievement("museum-explorer", 2, "Museum Explorer", "Two museum visits", criteria, image,
                List.of("museum"), alignment, "Region of Learning", null, null, RULE);
    }

    @Test
    void mapsTheAchievementOntoItsPublicIdImageAndAlignments() {
        AchievementInfo info = documents.info(achievement("badges/museum.png", "Check in twice",
                new Achievement.Alignment("museums-galleries", LearningLayer.ENGAGE)));

        assertThat(info.id()).hasToString("https://central.example.org/badges/achievements/museum-explorer");
        assertThat(info.image()).hasToString("https://central.example.org/badges/images/badges/museum.png");
        assertThat(info.criteriaNarrative()).isEqualTo("Check in twice");
        assertThat(info.tags()).containsExactly("museum");
        assertThat(info.alignments()).extracting(Alignment::targetFramework, a -> a.targetCode().orElseThrow())
                .containsExactly(Tuple.tuple("Taking Part", "museums-galleries"),
                        Tuple.tuple("Cities of Learning learning layer", "engage"));
    }

    @Test
    void keepsAnHttpsImageAndFallsBackToTheNameForAMissingNarrative() {
        AchievementInfo info = documents.info(achievement("https://images.example.org/m.png", " ", Achievement.Alignment.NONE));

        assertThat(info.image()).hasToString("https://images.example.org/m.png");
        assertThat(info.criteriaNarrative()).isEqualTo("Museum Explorer");
        assertThat(info.alignments()).isEmpty();
    }
}
