package org.culturecard.kiosk.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.culturecard.core.config.ConfigReader;
import org.culturecard.core.config.ConfigSpec;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's configuration: one immutable record, loaded once at start from a properties file with
 * environment overrides ({@code venue.id} is overridden by {@code CULTURECARD_KIOSK_VENUE_ID}), and
 * validated with messages that name the bad key, read through core's {@link ConfigReader} (which
 * refuses an unknown key by name). Holds no secret itself: the scheme key stays in
 * its own 0600 file, named by {@link #schemeKeyPath()}.
 *
 * @param kioskMode full screen, no decorations, exit key and close requests ignored
 * @param language  the starting language of the screens (en, pl, pt or lt)
 */
public record KioskConfig(
        VenueId venueId,
        KioskId kioskId,
        String venueName,
        Path databasePath,
        Path schemeKeyPath,
        String appVersion,
        boolean kioskMode,
        Locale language) {

    /** The languages the kiosk has screens in. */
    public static final Set<String> LANGUAGES = Set.of("en", "pl", "pt", "lt");
    /** Every key the kiosk reads; any other key in the file is refused by name. */
    public static final Set<String> KEYS = Set.of("venue.id", "kiosk.id", "venue.name", "database.path",
            "scheme.key.path", "app.version", "kiosk.mode", "language", EnrolmentConfig.SELF_SERVICE,
            EnrolmentConfig.VALIDITY_MONTHS);
    /** {@code sip2.*} keys are sip2's {@code Sip2Config}'s, which refuses its own misspellings. */
    private static final ConfigSpec SPEC = new ConfigSpec("kiosk", "CULTURECARD_KIOSK_", KEYS,
            key -> key.startsWith(EnrolmentConfig.SIP2_PREFIX),
            (key, problem, cause) -> new KioskConfigException(key, problem));

    public KioskConfig {
        if (venueId == null) {
            throw new KioskConfigException("venue.id", "is required");
        }
        if (kioskId == null) {
            throw new KioskConfigException("kiosk.id", "is required");
        }
        if (venueName == null || venueName.isBlank() || venueName.length() > 80) {
            throw new KioskConfigException("venue.name", "must be 1 to 80 characters");
        }
        if (databasePath == null) {
            throw new KioskConfigException("database.path", "is required");
        }
        if (schemeKeyPath == null) {
            throw new KioskConfigException("scheme.key.path", "is required");
        }
        if (appVersion == null || appVersion.isBlank()) {
            throw new KioskConfigException("app.version", "is required");
        }
        if (language == null || !LANGUAGES.contains(language.getLanguage())) {
            throw new KioskConfigException("language", "must be one of " + LANGUAGES + ", not " + language);
        }
    }

    /** Loads {@code file} (UTF-8 properties), applies overrides from {@code env}, and logs the effective config. */
    public static KioskConfig load(Path file, Map<String, String> env) {
        ConfigReader reader = ConfigReader.of(SPEC, read(file), env);
        KioskConfig config = from(reader);
        LoggerFactory.getLogger(KioskConfig.class).info("{}", reader.describe());
        return config;
    }

    /** The kiosk's properties file (UTF-8). */
    static Properties read(Path file) {
        try {
            return ConfigReader.readFile(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the kiosk configuration " + file + ": " + e.getMessage(), e);
        }
    }

    /** A reader of the kiosk's keys in {@code properties}, each overridden by its environment variable when set. */
    static ConfigReader reader(Properties properties, Map<String, String> env) {
        return ConfigReader.of(SPEC, properties, env);
    }

    /** Builds the config from properties, each overridden by its environment variable when set. */
    public static KioskConfig from(Properties properties, Map<String, String> env) {
        return from(ConfigReader.of(SPEC, properties, env));
    }

    private static KioskConfig from(ConfigReader settings) {
        return new KioskConfig(
                settings.parsed("venue.id", VenueId::of),
                settings.parsed("kiosk.id", KioskId::of),
                settings.string("venue.name"),
                settings.parsed("database.path", Path::of),
                settings.parsed("scheme.key.path", Path::of),
                settings.string("app.version", defaultVersion()),
                settings.bool("kiosk.mode", true),
                Locale.forLanguageTag(settings.string("language", "en")));
    }

    /**
     * A configuration for the demo and for trying the kiosk out: a windowed kiosk at a made-up
     * library, its store and a demo scheme key (written if missing) under {@code directory}.
     */
    public static KioskConfig demo(Path directory) {
        return demo(directory, Locale.ENGLISH, false);
    }

    /** As {@link #demo(Path)}, in {@code language}, full screen when {@code kioskMode}. */
    public static KioskConfig demo(Path directory, Locale language, boolean kioskMode) {
        Path keyFile = directory.resolve("demo-scheme.key");
        SchemeKeyFile.writeDemoKeyIfMissing(keyFile);
        return new KioskConfig(VenueId.of("central-library"), KioskId.of("central-library-kiosk-1"),
                "Central Library", directory.resolve("kiosk.db"), keyFile, defaultVersion(), kioskMode, language);
    }

    /** The environment variable that overrides {@code key}: {@code venue.id} to {@code CULTURECARD_KIOSK_VENUE_ID}. */
    public static String envName(String key) {
        return SPEC.envName(key);
    }

    private static String defaultVersion() {
        String version = KioskConfig.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-dev" : version;
    }

    /** For the start-up log line: every value (none is secret; the key file's content never appears). */
    public String describe() {
        return "venue.id=" + venueId + ", kiosk.id=" + kioskId + ", venue.name=" + venueName
                + ", database.path=" + databasePath + ", scheme.key.path=" + schemeKeyPath
                + ", app.version=" + appVersion + ", kiosk.mode=" + kioskMode + ", language=" + language.toLanguageTag();
    }
}
