package org.culturecard.sip2;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Turns the text values of a config file's {@code sip2.*} keys into a {@link Sip2Config}. */
final class Sip2ConfigValues {
    private Sip2ConfigValues() {
    }

    static Sip2Config read(Map<String, String> v) {
        String host = v.get(Sip2Config.HOST);
        if (host == null) {
            throw new InvalidSip2ConfigException(Sip2Config.HOST, "is required");
        }
        String port = v.get(Sip2Config.PORT);
        if (port == null) {
            throw new InvalidSip2ConfigException(Sip2Config.PORT, "is required");
        }
        Sip2Config.Builder b = Sip2Config.builder(host, integer(Sip2Config.PORT, port));
        if (bool(v, Sip2Config.TLS, false)) {
            b.tls(v.containsKey(Sip2Config.CA_FILE) ? Path.of(v.get(Sip2Config.CA_FILE)) : null);
        } else if (v.containsKey(Sip2Config.CA_FILE)) {
            throw new InvalidSip2ConfigException(Sip2Config.CA_FILE, "is set but " + Sip2Config.TLS + " is not true");
        }
        b.login(v.get(Sip2Config.LOGIN_USER), v.get(Sip2Config.LOGIN_PASSWORD), v.get(Sip2Config.LOCATION_CODE));
        b.institution(v.getOrDefault(Sip2Config.INSTITUTION, ""));
        b.terminalPassword(v.get(Sip2Config.TERMINAL_PASSWORD));
        b.checksums(bool(v, Sip2Config.CHECKSUMS, false));
        if (v.containsKey(Sip2Config.DELIMITER)) {
            b.delimiter(delimiter(v.get(Sip2Config.DELIMITER)));
        }
        if (v.containsKey(Sip2Config.CHARSET)) {
            b.charset(Sip2ConfigChecks.charsetNamed(v.get(Sip2Config.CHARSET)));
        }
        if (v.containsKey(Sip2Config.CONNECT_TIMEOUT)) {
            b.connectTimeout(Duration.ofMillis(integer(Sip2Config.CONNECT_TIMEOUT, v.get(Sip2Config.CONNECT_TIMEOUT))));
        }
        if (v.containsKey(Sip2Config.READ_TIMEOUT)) {
            b.readTimeout(Duration.ofMillis(integer(Sip2Config.READ_TIMEOUT, v.get(Sip2Config.READ_TIMEOUT))));
        }
        if (v.containsKey(Sip2Config.MAX_LINE_LENGTH)) {
            b.maxLineLength(integer(Sip2Config.MAX_LINE_LENGTH, v.get(Sip2Config.MAX_LINE_LENGTH)));
        }
        b.birthDateField(v.getOrDefault(Sip2Config.BIRTH_DATE_FIELD, "PB"));
        b.expiryField(v.getOrDefault(Sip2Config.EXPIRY_FIELD, "PA"));
        return b.build();
    }

    private static int integer(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidSip2ConfigException(key, "is not a whole number: " + text, e);
        }
    }

    private static boolean bool(Map<String, String> v, String key, boolean otherwise) {
        String text = v.get(key);
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
