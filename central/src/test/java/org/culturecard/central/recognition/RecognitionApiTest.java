package org.culturecard.central.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import org.culturecard.central.config.Role;
import org.junit.jupiter.api.Test;

class RecognitionApiTest {

    @Test
    void definitionsAreTheAdminsGoalsAlsoTheOfficersReportsTheOfficersAndResearchers() {
        assertThat(RecognitionApi.allowed(Role.ADMIN, "PUT", "/api/achievements")).isTrue();
        assertThat(RecognitionApi.allowed(Role.OFFICER, "GET", "/api/achievements")).isFalse();
        assertThat(RecognitionApi.allowed(Role.OFFICER, "POST", "/api/recognition/goal")).isTrue();
        assertThat(RecognitionApi.allowed(Role.RESEARCHER, "POST", "/api/recognition/goal")).isFalse();
        assertThat(RecognitionApi.allowed(Role.OFFICER, "GET", "/api/recognition/goal")).isFalse();
        assertThat(RecognitionApi.allowed(Role.RESEARCHER, "GET", "/api/reports/awards")).isTrue();
        assertThat(RecognitionApi.allowed(Role.VENUE_MANAGER, "GET", "/api/reports/awards")).isFalse();
        assertThat(RecognitionApi.allowed(Role.ADMIN, "GET", "/api/kiosks")).isNull();
    }

    @Test
    void changesAreAudited() {
        assertThat(RecognitionApi.audited("PUT", "/api/achievements")).isTrue();
        assertThat(RecognitionApi.audited("POST", "/api/recognition/goal")).isTrue();
        assertThat(RecognitionApi.audited("GET", "/api/achievements")).isFalse();
    }
}
