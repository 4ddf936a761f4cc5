package org.culturecard.sync.config;

/**
 * A sync agent setting is missing or wrong. The message names the key, so an IT team reading a
 * systemd journal knows which line of the file (or which environment variable) to fix.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private final String key;

    public InvalidConfigException(String key, String problem) {
        super("sync config key '" + key + "': " + problem);
        this.key = key;
    }

    public InvalidConfigException(String key, String problem, Throwable cause) {
        super("sync config key '" + key + "': " + problem, cause);
        this.key = key;
    }

    /** The properties key at fault, e.g. {@code broker.uri}. */
    public String key() {
        return key;
    }
}
