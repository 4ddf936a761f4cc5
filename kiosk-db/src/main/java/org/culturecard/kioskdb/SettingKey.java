package org.culturecard.kioskdb;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.status.DiskBudget;

/**
 * A row of the kiosk database's {@code settings} table: its key and how its value is written and
 * read. Every key any process uses is defined here, once, with who writes it and who reads it; the
 * table is the only channel between the kiosk and its sync agent, both ways.
 *
 * @param <T> the value's type; a row that does not read as one is treated as absent
 */
public final class SettingKey<T> {
    /** The card readers' state ("ready: NAME, ...", "no-reader", "service-down"): the kiosk writes it, the agent reports it. */
    public static final SettingKey<String> READER_STATE = text("reader.state");
    /** The agent's disk-budget verdict ({@link DiskBudget#format}): the agent writes it, the staff status screen shows it. */
    public static final SettingKey<DiskBudget> DISK_BUDGET =
            new SettingKey<>("disk.budget", DiskBudget::format, DiskBudget::parse);
    /** The version of the last venue config applied: the agent writes and reads it; a snapshot not newer is ignored. */
    public static final SettingKey<Long> CONFIG_VERSION = new SettingKey<>("config.version", Object::toString,
            text -> parsed(() -> Long.parseLong(text)));
    /** The venue's staff sign-in rule from the venue config (ADR 12): the agent writes it, the kiosk obeys it. */
    public static final SettingKey<StaffAuth> STAFF_AUTH = new SettingKey<>("staff.auth", StaffAuth::code,
            text -> parsed(() -> StaffAuth.fromCode(text)));
    /**
     * True ({@code central}) once central manages the venue's staff: the agent writes it with central's
     * staff list, and provisioning then refuses to add staff to the kiosk's own table (ADR 12).
     */
    public static final SettingKey<Boolean> CENTRAL_KEEPS_STAFF = new SettingKey<>("staff.source",
            central -> central ? "central" : "kiosk", text -> Optional.of("central".equals(text)));
    /**
     * What the kiosk says to a card the enrolled-card filter does not know ({@link UnregisteredCards}):
     * the agent writes it from every venue config it applies (the default when the config does not
     * say), the kiosk reads it for its result screen.
     */
    public static final SettingKey<UnregisteredCards> UNREGISTERED_CARDS = new SettingKey<>("checkin.unregistered",
            UnregisteredCards::code, text -> parsed(() -> UnregisteredCards.fromCode(text)));
    /** Wrong staff PINs in a row since the last right one: the kiosk's, so a restart does not reset them. */
    public static final SettingKey<Integer> PIN_FAILURES = integer("staff.pin.failures");
    /** When the staff PIN pad unlocks after too many wrong PINs: the kiosk's. */
    public static final SettingKey<Instant> PIN_LOCKED_UNTIL = new SettingKey<>("staff.pin.lockedUntil",
            KioskTimes::format, text -> parsed(() -> KioskTimes.parse(text)));
    /** The language staff chose for the screens (a BCP 47 tag): the kiosk's. */
    public static final SettingKey<Locale> UI_LANGUAGE = new SettingKey<>("ui.language", Locale::toLanguageTag,
            text -> Optional.of(Locale.forLanguageTag(text)));
    /** High-contrast screens on or off: the kiosk's. */
    public static final SettingKey<Boolean> UI_HIGH_CONTRAST = new SettingKey<>("ui.highContrast", Object::toString,
            text -> Optional.of(Boolean.parseBoolean(text)));
    /** Text size in percent: the kiosk's. */
    public static final SettingKey<Integer> UI_TEXT_SCALE = integer("ui.textScale");
    /** Sound volume in percent: the kiosk's. */
    public static final SettingKey<Integer> UI_VOLUME = integer("ui.volume");

    /** Every key, for documentation and for the test that no two share a name. */
    public static final List<SettingKey<?>> ALL = List.of(READER_STATE, DISK_BUDGET, CONFIG_VERSION, STAFF_AUTH,
            CENTRAL_KEEPS_STAFF, UNREGISTERED_CARDS, PIN_FAILURES, PIN_LOCKED_UNTIL, UI_LANGUAGE, UI_HIGH_CONTRAST, UI_TEXT_SCALE, UI_VOLUME);

    private final String name;
    private final Function<T, String> writer;
    private final Function<String, Optional<T>> reader;

    private SettingKey(String name, Function<T, String> writer, Function<String, Optional<T>> reader) {
        this.name = Objects.requireNonNull(name, "name");
        this.writer = writer;
        this.reader = reader;
    }

    /** The row's key in the table. */
    public String name() {
        return name;
    }

    /** The row's text for {@code value}. */
    public String write(T value) {
        return writer.apply(Objects.requireNonNull(value, "value"));
    }

    /** The value a row's text holds, empty when it does not read as one (a newer process's value, say). */
    public Optional<T> read(String text) {
        return reader.apply(text);
    }

    @Override
    public String toString() {
        return name;
    }

    private static SettingKey<String> text(String name) {
        return new SettingKey<>(name, Function.identity(), Optional::of);
    }

    private static SettingKey<Integer> integer(String name) {
        return new SettingKey<>(name, Object::toString, text -> parsed(() -> Integer.parseInt(text.strip())));
    }

    private static <T> Optional<T> parsed(Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
