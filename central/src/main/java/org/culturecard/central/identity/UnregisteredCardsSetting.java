package org.culturecard.central.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.VenueConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's use case for a venue's {@code unregisteredCards} setting: read it, or set it from its
 * code, store it and re-publish the venue's retained config, so that the venue's kiosks have it at
 * their next config. A code that is not one of the setting's is refused naming the key.
 */
public final class UnregisteredCardsSetting {
    /** The setting's name in the API and in the venue config. */
    public static final String KEY = "unregisteredCards";
    private static final Logger LOG = LoggerFactory.getLogger(UnregisteredCardsSetting.class);
    private static final String CODES = Arrays.stream(UnregisteredCards.values()).map(UnregisteredCards::code)
            .collect(Collectors.joining(", "));

    private final Function<VenueId, Optional<UnregisteredCards>> read;
    private final Store write;
    private final Function<VenueId, VenueConfig> publish;
    private final Clock clock;

    /** Where the choice is kept: {@link PostgresUnregisteredCards#set}. */
    @FunctionalInterface
    public interface Store {
        void set(VenueId venue, UnregisteredCards setting, Instant now);
    }

    /** @param publish re-publishes the venue's config (the {@code VenueConfigPublisher}) */
    public UnregisteredCardsSetting(Function<VenueId, Optional<UnregisteredCards>> read, Store write,
                                    Function<VenueId, VenueConfig> publish, Clock clock) {
        this.read = Objects.requireNonNull(read, "read");
        this.write = Objects.requireNonNull(write, "write");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Over the PostgreSQL table. */
    public static UnregisteredCardsSetting over(PostgresUnregisteredCards store, Function<VenueId, VenueConfig> publish,
                                                Clock clock) {
        return new UnregisteredCardsSetting(store::setting, store::set, publish, clock);
    }

    /** What the venue's kiosks say to an unregistered card now (the default when it never chose). */
    public UnregisteredCards of(VenueId venue) {
        return read.apply(venue).orElse(UnregisteredCards.DEFAULT);
    }

    /** The setting for {@code code}; an {@link IllegalArgumentException} naming the key when there is none. */
    public static UnregisteredCards parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException(KEY + " is required: one of " + CODES);
        }
        for (UnregisteredCards setting : UnregisteredCards.values()) {
            if (setting.code().equals(code)) {
                return setting;
            }
        }
        throw new IllegalArgumentException(KEY + " is one of " + CODES);
    }

    /** Stores the venue's choice and re-publishes its config; returns the config version that carries it. */
    public long set(VenueId venue, String code) {
        UnregisteredCards setting = parse(code);
        write.set(venue, setting, clock.instant());
        LOG.info("unregistered cards at venue {} are now {}", venue, setting.code());
        return publish.apply(venue).version();
    }
}
