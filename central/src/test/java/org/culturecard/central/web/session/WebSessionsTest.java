package org.culturecard.central.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.culturecard.central.config.Role;
import org.culturecard.core.ids.VenueId;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

/** Sessions: a new id and CSRF token at sign-in, the old id dead; idle ones gone; the CSRF check; a manager's scope. */
class WebSessionsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void signingInRotatesTheIdAndTheCsrfToken() {
        Sessions sessions = new Sessions(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofMinutes(30), new SecureRandom());
        Session anonymous = sessions.open();
        Session signedIn = sessions.signIn(anonymous.id(), new Session.Staff("anne", Role.OFFICER, Set.of()));
        assertThat(signedIn.id()).isNotEqualTo(anonymous.id()).hasSize(43);
        assertThat(signedIn.csrf()).isNotEqualTo(anonymous.csrf());
        assertThat(sessions.find(anonymous.id())).isEmpty();
        assertThat(sessions.find(signedIn.id())).hasValueSatisfying(s -> assertThat(s.staff()).isPresent());
        sessions.close(signedIn.id());
        assertThat(sessions.find(signedIn.id())).isEmpty();
    }

    @Test
    void anIdleSessionIsGone() {
        MutableClock clock = new MutableClock(T0);
        Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), new SecureRandom());
        Session session = sessions.open();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.id())).as("used within the timeout, and so touched").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        Session session = new Sessions(Clock.systemUTC(), Duration.ofMinutes(30), new SecureRandom()).open();
        assertThat(Sessions.csrfMatches(session, session.csrf())).isTrue();
        assertThat(Sessions.csrfMatches(session, session.csrf() + "x")).isFalse();
        assertThat(Sessions.csrfMatches(session, "")).isFalse();
        assertThat(Sessions.csrfMatches(session, null)).isFalse();
    }

    @Test
    void aVenueManagerSeesOnlyItsVenues() {
        Session.Staff manager = new Session.Staff("v1-boss", Role.VENUE_MANAGER, Set.of(VenueId.of("v1")));
        assertThat(manager.sees("v1")).isTrue();
        assertThat(manager.sees("v2")).isFalse();
        assertThat(manager.scope()).containsExactly("v1");
        Session.Staff officer = new Session.Staff("anne", Role.OFFICER, Set.of());
        assertThat(officer.sees("v2")).isTrue();
        assertThat(officer.scope()).isNull();
    }
}
