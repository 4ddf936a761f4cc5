package org.culturecard.sip2;

import java.time.Duration;
import java.util.Locale;
import org.culturecard.core.config.ConfigReader;

/** Turns the text values of a config file's {@code sip2.*} keys, read through core's {@link ConfigReader}, into a {@link Sip2Config}. */
final class Sip2ConfigValues {
    private Sip2ConfigValues() {
    }

    static Sip2Config read(ConfigReader v) {
        String host = v.string(Sip2Config.HOST, null);
        if (host == null) {
            throw new InvalidSip2ConfigException(Sip2Config.HOST, "is required");
        }
        if (v.string(Sip2Config.PORT, null) == null) {
            throw new InvalidSip2ConfigException(Sip2Config.PORT, "is required");
        }
        Sip2Config.Builder b = Sip2Config.builder(host, v.integer(Sip2Config.PORT, 0));
        if (bool(v, Sip2Config.TLS, false)) {
            b.tls(v.path(Sip2Config.CA_FILE));
        } else if (v.path(Sip2Config.CA_FILE) != null) {
            throw new InvalidSip2ConfigException(Sip2Config.CA_FILE, "is set but " + Sip2Config.TLS + " is not true");
        }
        b.login(v.string(Sip2Config.LOGIN_USER, null), v.string(Sip2Config.LOGIN_PASSWORD, null),
                v.string(Sip2Config.LOCATION_CODE, null));
        b.institution(v.string(Sip2Config.INSTITUTION, ""));
        b.terminalPassword(v.string(Sip2Config.TERMINAL_PASSWORD, null));
        b.checksums(bool(v, Sip2Config.CHECKSUMS, false));
        String delimiter = v.string(Sip2Config.DELIMITER, null);
        if (delimiter != null) {
            b.delimiter(delimiter(delimiter));
        }
        String charset = v.string(Sip2Config.CHARSET, null);
        if (charset != null) {
            b.charset(Sip2ConfigChecks.charsetNamed(charset));
        }
        b.connectTimeout(Duration.ofMillis(v.integer(Sip2Config.CONNECT_TIMEOUT, 5_000)));
        b.readTimeout(Duration.ofMillis(v.integer(Sip2Config.READ_TIMEOUT, 10_000)));
        b.maxLineLength(v.integer(Sip2Config.MAX_LINE_LENGTH, 4096));
        b.birthDateField(v.string(Sip2Config.BIRTH_DATE_FIELD, "PB"));
        b.expiryField(v.string(Sip2Config.EXPIRY_FIELD, "PA"));
        return b.build();
    }

    /** {@code true}, {@code yes}, {@code on} or their opposites: SIP2 settings have always taken all three. */
    private static boolean bool(ConfigReader v, String key, boolean otherwise) {
        String text = v.string(key, null);
        if (text == null) {
            return otherwise;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new InvalidSip2ConfigException(key, "must be true or false, not " + text);
        };
    }

    private static char delimiter(String text) {
        if (text.length() != 1) {
            throw new InvalidSip2ConfigException(Sip2Config.DELIMITER, "must be exactly one character, not " + text.length());
        }
        return text.charAt(0);
    }
}
