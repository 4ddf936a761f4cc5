package org.culturecard.central.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.rules.Catalogue;
import org.culturecard.core.rules.CatalogueReader;
import org.culturecard.core.rules.Rule;
import org.culturecard.core.rules.StreakUnit;
import org.culturecard.core.rules.VisitFilter;
import org.junit.jupiter.api.Test;

/** The example in docs/recognition.md is a valid definitions file with one achievement per learning layer. */
class RecognitionDocsTest {

    /** The JSON block under "## Example" in docs/recognition.md, read as a definitions file. */
    private static Catalogue example() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "recognition.md"), StandardCharsets.UTF_8);
        String section = page.substring(page.indexOf("## Example"));
        String json = section.substring(section.indexOf("```json") + 7, section.indexOf("```", section.indexOf("```json") + 7));
        return CatalogueReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentedExampleIsValidAndCoversTheFourLearningLayers() throws Exception {
        Catalogue catalogue = example();
        Set<LearningLayer> layers = catalogue.achievements().stream().map(a -> a.alignment().learningLayer())
                .filter(l -> l != null).collect(Collectors.toSet());
        assertThat(layers).isEqualTo(EnumSet.allOf(LearningLayer.class));
        assertThat(catalogue.pathway("young-curator").orElseThrow().achievements()).hasSize(4);
    }

    @Test
    void theExampleRulesAreWhatThePageSaysTheyAre() throws Exception {
        Catalogue catalogue = example();
        Rule maker = catalogue.achievement("hands-on-maker").orElseThrow().rule();
        assertThat(maker).isEqualTo(new Rule.Streak(4, StreakUnit.ISO_WEEK, new VisitFilter(Set.of(),
                Set.of(ArtsActivity.ARTS_CRAFTS), Set.of(Mode.TAKE_PART), Set.of(), Set.of(), Set.of(LearningLayer.PARTICIPATE),
                Set.of())));
        assertThat(catalogue.achievement("young-guide").orElseThrow().rule()).isEqualTo(new Rule.CheckIns(2, new VisitFilter(
                Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(LearningLayer.LEAD),
                Set.of(AgeBand.AGE_16_19, AgeBand.AGE_20_24))));
        assertThat(catalogue.achievement("young-curator").orElseThrow().rule()).isEqualTo(new Rule.AllOf(
                List.of("gallery-goer", "hands-on-maker", "show-and-tell", "young-guide")));
    }
}
