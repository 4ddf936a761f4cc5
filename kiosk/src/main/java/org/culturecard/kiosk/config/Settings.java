package org.culturecard.kiosk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Reads configuration keys, environment first, and turns bad values into {@link KioskConfigException}s. */
final class Settings {
    private final Properties properties;
    private final Map<String, String> env;

    /**
     * Refuses a key not in {@code known}: a misspelt key would otherwise be ignored without a word.
     * {@code sip2.*} keys are sip2's {@code Sip2Config}'s, which refuses its own misspellings.
     */
    Settings(Properties properties, Map<String, String> env, Set<String> known) {
        for (String key : properties.stringPropertyNames()) {
            if (!known.contains(key) && !key.startsWith(EnrolmentConfig.SIP2_PREFIX)) {
                throw new KioskConfigException(key, "is not a kiosk setting (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        this.properties = properties;
        this.env = env;
    }

    /** The kiosk's properties file (UTF-8). */
    static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the kiosk configuration " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    String optional(String key, String fallback) {
        String fromEnv = env.get(KioskConfig.envName(key));
        String value = fromEnv != null ? fromEnv : properties.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    String required(String key) {
        String value = optional(key, null);
        if (value == null) {
            throw new KioskConfigException(key, "is required");
        }
        return value;
    }

    <T> T id(String key, Function<String, T> parser) {
        String value = required(key);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new KioskConfigException(key, e.getMessage());
        }
    }

    boolean bool(String key, boolean fallback) {
        String value = optional(key, null);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new KioskConfigException(key, "must be true or false, not \"" + value + '"');
    }
}
