package org.culturecard.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The values of one app's config: its properties file with the environment laid over it
 * ({@link ConfigSpec#envName}: the variable wins over the file), each value trimmed, an empty one
 * counting as unset. A key the app does not read is refused by name, with the nearest known key
 * when one is close ("did you mean"). Typed getters name the key in every error, through the app's
 * own exception. {@link #describe} gives the effective config with secrets redacted: the value of
 * every key ending in {@code password}, {@code token(s)}, {@code secret} or {@code key}, and a
 * password inside a URL ({@code password=...}, {@code user:password@}).
 */
public final class ConfigReader {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|tokens?|secret|secret-sha256|key)$");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*|(//[^/:@]+:)[^/@]*(@)");
    private static final String REDACTED = "(redacted)";

    private final ConfigSpec spec;
    private final Map<String, String> values;
    private final Set<String> fromEnv;

    private ConfigReader(ConfigSpec spec, Map<String, String> values, Set<String> fromEnv) {
        this.spec = spec;
        this.values = Collections.unmodifiableMap(values);
        this.fromEnv = Collections.unmodifiableSet(fromEnv);
    }

    /** Reads {@code file} (UTF-8 properties). */
    public static Properties readFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The file's values with the environment's overrides; refuses a key {@code spec} does not know. */
    public static ConfigReader of(ConfigSpec spec, Properties file, Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        for (String key : new TreeSet<>(file.stringPropertyNames())) {
            if (!spec.knows(key)) {
                throw spec.error(key, "is not a " + spec.app() + " setting (" + didYouMean(key, spec.keys())
                        + "known: " + String.join(", ", new TreeSet<>(spec.keys())) + ")");
            }
            values.put(key, file.getProperty(key).trim());
        }
        Set<String> fromEnv = new TreeSet<>();
        for (String key : spec.keys()) {
            String override = env.get(spec.envName(key));
            if (override != null) {
                values.put(key, override.trim());
                fromEnv.add(key);
            }
        }
        values.values().removeIf(String::isEmpty);
        return new ConfigReader(spec, values, fromEnv);
    }

    /** Every value set, by key (file and environment together). */
    public Map<String, String> values() {
        return values;
    }

    /** A required value. */
    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw spec.error(key, "is required (or set " + spec.envName(key) + ")");
        }
        return value;
    }

    /** The value, or {@code fallback} (which may be null) when unset. */
    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int integer(String key, int fallback) {
        return parsed(key, Integer::parseInt, "must be a whole number", fallback);
    }

    /** Bytes, written {@code 5000}, {@code 512KB}, {@code 200MB} or {@code 2GB} (powers of 1024). */
    public long bytes(String key, long fallback) {
        return parsed(key, ConfigReader::size, "must be a size in bytes (e.g. 500MB)", fallback);
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 30d} or ISO-8601 ({@code PT30S}). */
    public Duration duration(String key, Duration fallback) {
        return parsed(key, Durations::parse, "must be a duration (e.g. 500ms, 30s, 5m, 2h, 30d, PT30S)", fallback);
    }

    /** A path, or null when unset. */
    public Path path(String key) {
        String value = values.get(key);
        return value == null ? null : Path.of(value);
    }

    /** {@code true} or {@code false} (any case); anything else is refused. */
    public boolean bool(String key, boolean fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw spec.error(key, "must be true or false, not \"" + value + '"');
        }
        return Boolean.parseBoolean(value);
    }

    /** A constant of {@code type} by name, any case, hyphens for underscores. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> spec.error(key, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + ", not " + value));
    }

    /** A required value made by {@code parser}; its {@link IllegalArgumentException} becomes the key's error. */
    public <T> T parsed(String key, Function<String, T> parser) {
        String value = string(key);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw spec.errors().error(key, e.getMessage(), e);
        }
    }

    /** The effective config, one key a line, sorted, secrets redacted, and where each came from. */
    public String describe() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " = " + shown(e.getKey(), e.getValue())
                        + (fromEnv.contains(e.getKey()) ? " (from " + spec.envName(e.getKey()) + ")" : ""))
                .collect(Collectors.joining("\n  ", spec.app() + " config:\n  ", ""));
    }

    /**
     * {@code title}, then one {@code key = value} a line from alternating keys and values: null
     * shows as {@code (unset)}, the value of a secret key as {@code (redacted)}.
     */
    public static String describe(String title, Object... keysAndValues) {
        StringBuilder text = new StringBuilder(title);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            String key = String.valueOf(keysAndValues[i]);
            Object value = keysAndValues[i + 1];
            text.append("\n  ").append(key).append(" = ")
                    .append(value == null ? "(unset)" : shown(key, value));
        }
        return text.toString();
    }

    private static String shown(String key, Object value) {
        if (SECRET.matcher(key).matches()) {
            return REDACTED;
        }
        return URL_PASSWORD.matcher(String.valueOf(value)).replaceAll(m -> m.group(1) != null
                ? m.group(1) + REDACTED : m.group(2) + REDACTED + m.group(3));
    }

    private <T> T parsed(String key, Function<String, T> parser, String problem, T fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw spec.errors().error(key, problem + ", not '" + value + "'", e);
        }
    }

    private static long size(String text) {
        String upper = text.toUpperCase(Locale.ROOT).replace(" ", "");
        int shift = upper.endsWith("KB") ? 10 : upper.endsWith("MB") ? 20 : upper.endsWith("GB") ? 30 : 0;
        return Math.multiplyExact(Long.parseLong(shift == 0 ? upper : upper.substring(0, upper.length() - 2)), 1L << shift);
    }

    /** "did you mean K? " for the known key nearest to {@code key} within two edits, else nothing. */
    private static String didYouMean(String key, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : new TreeSet<>(known)) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : "did you mean " + best + "? ";
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
