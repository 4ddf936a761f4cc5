package org.culturecard.badges;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.culturecard.badges.keys.SigningKey;

/** Fixtures for open-badges' tests: an achievement, a recipient, keys, deterministic credential ids. */
final class TestBadges {
    static final Instant ISSUED_ON = Instant.parse("2026-12-02T10:15:30Z");
    /** An hour and three quarters after {@link #ISSUED_ON}. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    static final URI STATUS_LIST = URI.create("https://central.example.org/badges/status/key-1");

    private TestBadges() {}

    static AchievementInfo museumExplorer() {
        return new AchievementInfo(URI.create("https://central.example.org/badges/achievements/museum-explorer"),
                "Museum Explorer", "Visited three museums in the scheme.",
                "Check in with your Culture Card at three different museums.",
                URI.create("https://central.example.org/badges/images/museum-explorer.png"),
                List.of("museums", "heritage"),
                List.of(new Alignment("Museums and galleries", URI.create("https://www.gov.uk/government/collections/taking-part"),
                                "Taking Part", Optional.of("museums")),
                        new Alignment("Discover", URI.create("https://citiesoflearning.uk/learning-layers"),
                                "Cities of Learning learning layer", Optional.empty())));
    }

    static Recipient recipient() {
        return Recipient.hashing("person-7f3a9c", "5a1t");
    }

    static SigningKey key(String keyId) {
        return SigningKey.generate(keyId, new SecureRandom());
    }

    static java.util.function.Supplier<UUID> ids() {
        AtomicLong next = new AtomicLong();
        return () -> new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L | next.incrementAndGet());
    }
}
