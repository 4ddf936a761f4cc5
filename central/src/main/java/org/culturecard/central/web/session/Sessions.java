package org.culturecard.central.web.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in memory (central is one process; a restart signs everyone out). Every visitor gets
 * one with a CSRF token before signing in, so the sign-in form is protected too; signing in
 * replaces it with a new id and a new token (no fixation). A session unused for the idle timeout
 * is gone; at most {@link #MAX_SESSIONS}, the least recently used dropped first.
 */
public final class Sessions {

    public static final int MAX_SESSIONS = 50_000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final Duration idle;
    private final SecureRandom random;
    private final Map<String, Session> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    public Sessions(Clock clock, Duration idle, SecureRandom random) {
        this.clock = clock;
        this.idle = idle;
        this.random = random;
    }

    /** The live session with this id, touched; empty when unknown or idle too long (and then forgotten). */
    public synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastSeen().plus(idle).isBefore(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.id(), session.csrf(), session.staff(), clock.instant());
        byId.put(id, touched);
        return Optional.of(touched);
    }

    /** A new anonymous session. */
    public synchronized Session open() {
        Session session = new Session(token(), token(), Optional.empty(), clock.instant());
        byId.put(session.id(), session);
        return session;
    }

    /** Signs {@code staff} in: the old session is dropped and a new one, new id and new CSRF token, returned. */
    public synchronized Session signIn(String oldId, Session.Staff staff) {
        if (oldId != null) {
            byId.remove(oldId);
        }
        Session session = new Session(token(), token(), Optional.of(staff), clock.instant());
        byId.put(session.id(), session);
        return session;
    }

    /** Drops the session. */
    public synchronized void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** True when {@code presented} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
