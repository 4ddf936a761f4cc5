package org.culturecard.sip2;

/**
 * A SIP2 setting is missing or wrong. The message names the key, so an IT team reading a systemd
 * journal knows which line of the file (or which environment variable) to fix; it never repeats a
 * password.
 */
public final class InvalidSip2ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public InvalidSip2ConfigException(String key, String problem) {
        super("SIP2 config key '" + key + "': " + problem);
        this.key = key;
    }

    public InvalidSip2ConfigException(String key, String problem, Throwable cause) {
        super("SIP2 config key '" + key + "': " + problem, cause);
        this.key = key;
    }

    /** The key at fault, e.g. {@code sip2.port}. */
    public String key() {
        return key;
    }
}
