package org.culturecard.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Sector;
import org.junit.jupiter.api.Test;

class CatalogueReaderTest {

    static final String GOOD = """
            {"achievements": [
              {"id": "museum-explorer", "version": 2, "name": "Museum Explorer", "description": "Three museum visits",
               "criteria": "Check in at museums or galleries three times", "image": "badges/museum-explorer.png",
               "tags": ["museums"], "alignment": {"takingPartCategory": "museums-galleries", "learningLayer": "engage"},
               "issuer": "Region of Learning", "validFrom": "2026-01-01T00:00:00Z", "validTo": null,
               "rule": {"type": "count", "count": 3, "where": {"sector": ["museums-galleries"], "mode": ["attend"]}}},
              {"id": "weekly", "version": 1, "name": "Weekly", "description": "d", "criteria": "c",
               "image": "https://badges.example.org/weekly.png", "issuer": "Region of Learning",
               "rule": {"type": "streak", "count": 4, "unit": "iso-week"}},
              {"id": "curator", "version": 1, "name": "Young Curator", "description": "d", "criteria": "c",
               "image": "badges/curator.png", "issuer": "Region of Learning",
               "rule": {"type": "all-of", "of": ["museum-explorer", "weekly"]}}
            ],
             "pathways": [{"id": "young-curator", "name": "Young Curator", "achievements": ["museum-explorer", "weekly"],
                           "completion": "curator"}]}
            """;

    private static CatalogueException refused(String json) {
        return catchThrowableOfType(() -> CatalogueReader.read(json.getBytes(StandardCharsets.UTF_8)), CatalogueException.class);
    }

    @Test
    void readsEveryField() {
        Catalogue catalogue = CatalogueReader.read(GOOD.getBytes(StandardCharsets.UTF_8));
        Achievement explorer = catalogue.achievement("museum-explorer").orElseThrow();
        assertThat(explorer.version()).isEqualTo(2);
        assertThat(explorer.alignment().learningLayer()).isEqualTo(LearningLayer.ENGAGE);
        assertThat(explorer.rule()).isInstanceOf(Rule.CheckIns.class);
        assertThat(((Rule.CheckIns) explorer.rule()).where().sectors()).containsExactly(Sector.MUSEUMS_GALLERIES);
        assertThat(catalogue.pathway("young-curator").orElseThrow().completion()).isEqualTo("curator");
    }

    @Test
    void namesTheFieldOfABadCount() {
        assertThat(refused(GOOD.replace("\"count\": 3", "\"count\": 0")).errors())
                .containsExactly("achievements[0].rule.count: must be >= 1");
    }

    @Test
    void refusesUnknownIdsAndCycles() {
        assertThat(refused(GOOD.replace("[\"museum-explorer\", \"weekly\"]}}", "[\"museum-explorer\", \"nobody\"]}}")).errors())
                .containsExactly("achievements[2].rule.of[1]: unknown achievement nobody");
        String cycle = GOOD.replace("\"rule\": {\"type\": \"streak\", \"count\": 4, \"unit\": \"iso-week\"}",
                "\"rule\": {\"type\": \"any-of\", \"count\": 1, \"of\": [\"curator\"]}");
        assertThat(refused(cycle).errors()).anyMatch(e -> e.endsWith("depends on itself through all-of/any-of"));
    }

    @Test
    void namesUnknownFieldsValuesAndBadImages() {
        assertThat(refused(GOOD.replace("\"mode\": [\"attend\"]", "\"modes\": [\"attend\"]")).errors())
                .containsExactly("achievements[0].rule.where.modes: unknown field");
        assertThat(refused(GOOD.replace("\"sector\": [\"museums-galleries\"]", "\"sector\": [\"zoo\"]")).errors())
                .containsExactly("achievements[0].rule.where.sector[0]: unknown value zoo");
        assertThat(refused(GOOD.replace("badges/curator.png", "../../etc/passwd")).errors())
                .containsExactly("achievements[2].image: must be a relative path (no ..) or an https URL");
        assertThat(refused(GOOD.replace("https://badges.example.org", "http://badges.example.org")).errors())
                .containsExactly("achievements[1].image: must be a relative path (no ..) or an https URL");
    }

    @Test
    void namesMissingAndMistypedFields() {
        assertThat(refused(GOOD.replace("\"version\": 2,", "")).errors()).containsExactly("achievements[0].version: must be a whole number");
        assertThat(refused(GOOD.replace("\"type\": \"streak\"", "\"type\": \"streaks\"")).errors())
                .containsExactly("achievements[1].rule.type: must be one of all-of, any-of, breadth, count, distinct-venues, first-visit, streak");
        assertThat(refused(GOOD.replace("\"validTo\": null", "\"validTo\": \"2025-01-01T00:00:00Z\"")).errors())
                .containsExactly("achievements[0].validTo: must be after validFrom");
        assertThat(refused(GOOD.replace("\"completion\": \"curator\"", "\"completion\": \"weekly\"")).errors())
                .containsExactly("pathways[0].completion: must not be one of the pathway's own achievements");
        assertThat(refused("{\"achievements\": [").errors().get(0)).startsWith("(file): not JSON at line");
    }

    @Test
    void refusesAnIdDefinedTwice() {
        assertThat(refused(GOOD.replace("\"id\": \"weekly\"", "\"id\": \"museum-explorer\"")).errors())
                .contains("achievements[1].id: museum-explorer is defined twice");
    }
}
