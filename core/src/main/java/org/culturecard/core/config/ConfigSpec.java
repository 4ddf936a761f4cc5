package org.culturecard.core.config;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one app's config file may hold and how its errors look: the keys it reads (and a pattern for
 * families of keys such as central's named tokens), the environment prefix of its overrides, and
 * the app's own exception, which names the key.
 *
 * @param app       the app's name in messages ({@code "kiosk"}, {@code "sync agent"}, {@code "central"})
 * @param envPrefix prefix of the environment variables; {@link #envName} adds the key in upper case
 *                  with dots and hyphens as underscores ({@code CULTURECARD_SYNC_} and {@code broker.uri}
 *                  make {@code CULTURECARD_SYNC_BROKER_URI})
 * @param keys      every key the app reads; only these can be overridden from the environment
 * @param alsoKnown keys of families beyond {@code keys} that the file may hold (never from the environment)
 * @param errors    the app's exception for a key and its problem
 */
public record ConfigSpec(String app, String envPrefix, Set<String> keys, Predicate<String> alsoKnown, Errors errors) {

    /** Makes the app's own exception naming {@code key}; {@code cause} may be null. */
    @FunctionalInterface
    public interface Errors {
        RuntimeException error(String key, String problem, Throwable cause);
    }

    public ConfigSpec {
        keys = Set.copyOf(keys);
    }

    /** A spec without key families. */
    public ConfigSpec(String app, String envPrefix, Set<String> keys, Errors errors) {
        this(app, envPrefix, keys, key -> false, errors);
    }

    /** The environment variable that overrides {@code key}. */
    public String envName(String key) {
        return envPrefix + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    boolean knows(String key) {
        return keys.contains(key) || alsoKnown.test(key);
    }

    RuntimeException error(String key, String problem) {
        return errors.error(key, problem, null);
    }
}
