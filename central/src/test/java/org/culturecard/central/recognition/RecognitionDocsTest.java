package org.culturecard.central.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.rules.Catalogue;
import org.culturecard.core.rules.CatalogueReader;
import org.junit.jupiter.api.Test;

/** The example in docs/recognition.md is a valid definitions file with one achievement per learning layer. */
class RecognitionDocsTest {

    @Test
    void theDocumentedExampleIsValidAndCoversTheFourLearningLayers() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "recognition.md"), StandardCharsets.UTF_8);
        String section = page.substring(page.indexOf("## Example"));
        String json = section.substring(section.indexOf("```json") + 7, section.indexOf("```", section.indexOf("```json") + 7));
        Catalogue catalogue = CatalogueReader.read(json.getBytes(StandardCharsets.UTF_8));
        Set<LearningLayer> layers = catalogue.achievements().stream().map(a -> a.alignment().learningLayer())
                .filter(l -> l != null).collect(Collectors.toSet());
        assertThat(layers).isEqualTo(EnumSet.allOf(LearningLayer.class));
        assertThat(catalogue.pathway("young-curator").orElseThrow().achievements()).hasSize(4);
    }
}
