package org.culturecard.sip2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.culturecard.core.config.ConfigReader;
import org.culturecard.core.config.ConfigSpec;

/**
 * One library management system connection, validated once: a bad value stops the app at start
 * with a message naming the key ({@code sip2.port}), not at a young person's first tap. Keys and
 * defaults are listed in {@code docs/sip2.md} and this module's {@code package-info}. The record's
 * {@link #toString()} redacts both passwords, so the effective config can be logged.
 *
 * @param host             LMS host name or address ({@code sip2.host})
 * @param port             LMS SIP2 port ({@code sip2.port})
 * @param tls              whether to speak TLS ({@code sip2.tls}); host names are verified
 * @param caFile           PEM file of the CA(s) to trust for TLS ({@code sip2.tls.ca-file}); null: the JDK's
 * @param loginUser        SIP2 login user (CN of message 93); null: send no login ({@code sip2.login.user})
 * @param loginPassword    SIP2 login password (CO) ({@code sip2.login.password})
 * @param locationCode     SC location code (CP), optional ({@code sip2.login.location})
 * @param institutionId    institution id (AO) sent with every patron request; may be empty ({@code sip2.institution})
 * @param terminalPassword terminal password (AC), optional ({@code sip2.terminal-password})
 * @param checksums        error detection: sequence number and checksum (AY/AZ) on every message ({@code sip2.checksums})
 * @param delimiter        the field delimiter, {@code |} by the spec ({@code sip2.delimiter})
 * @param charset          the wire character set ({@code sip2.charset}); single-byte or UTF-8
 * @param connectTimeout   TCP connect (and TLS handshake) timeout ({@code sip2.connect-timeout-ms})
 * @param readTimeout      how long one whole reply may take to arrive ({@code sip2.read-timeout-ms})
 * @param maxLineLength    longest reply accepted, in bytes before the CR ({@code sip2.max-line-length})
 * @param birthDateField   field id of the holder's birth date in replies ({@code sip2.field.birth-date})
 * @param expiryField      field id of the card's expiry date in replies ({@code sip2.field.expiry})
 */
public record Sip2Config(
        String host,
        int port,
        boolean tls,
        Path caFile,
        String loginUser,
        String loginPassword,
        String locationCode,
        String institutionId,
        String terminalPassword,
        boolean checksums,
        char delimiter,
        Charset charset,
        Duration connectTimeout,
        Duration readTimeout,
        int maxLineLength,
        String birthDateField,
        String expiryField) {

    public static final String HOST = "sip2.host";
    public static final String PORT = "sip2.port";
    public static final String TLS = "sip2.tls";
    public static final String CA_FILE = "sip2.tls.ca-file";
    public static final String LOGIN_USER = "sip2.login.user";
    public static final String LOGIN_PASSWORD = "sip2.login.password";
    public static final String LOCATION_CODE = "sip2.login.location";
    public static final String INSTITUTION = "sip2.institution";
    public static final String TERMINAL_PASSWORD = "sip2.terminal-password";
    public static final String CHECKSUMS = "sip2.checksums";
    public static final String DELIMITER = "sip2.delimiter";
    public static final String CHARSET = "sip2.charset";
    public static final String CONNECT_TIMEOUT = "sip2.connect-timeout-ms";
    public static final String READ_TIMEOUT = "sip2.read-timeout-ms";
    public static final String MAX_LINE_LENGTH = "sip2.max-line-length";
    public static final String BIRTH_DATE_FIELD = "sip2.field.birth-date";
    public static final String EXPIRY_FIELD = "sip2.field.expiry";

    /** Every key this config understands; any other {@code sip2.*} key is refused as a typo. */
    public static final Set<String> KEYS = Set.of(HOST, PORT, TLS, CA_FILE, LOGIN_USER, LOGIN_PASSWORD, LOCATION_CODE,
            INSTITUTION, TERMINAL_PASSWORD, CHECKSUMS, DELIMITER, CHARSET, CONNECT_TIMEOUT, READ_TIMEOUT,
            MAX_LINE_LENGTH, BIRTH_DATE_FIELD, EXPIRY_FIELD);

    /**
     * Character sets in which the delimiter, CR and field ids are single ASCII bytes that never occur
     * inside another character, so a reply can be split into fields before anything is decoded.
     */
    public static final Set<String> CHARSETS = Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "ISO-8859-15",
            "windows-1252", "IBM850", "IBM437");
    /** The keys, read through core's reader; the environment is the calling app's to lay over them. */
    private static final ConfigSpec SPEC = new ConfigSpec("SIP2", "CULTURECARD_", KEYS, InvalidSip2ConfigException::new);

    public Sip2Config {
        Sip2ConfigChecks.requireText(HOST, host);
        Sip2ConfigChecks.range(PORT, port, 1, 65_535);
        if (caFile != null && !tls) {
            throw new InvalidSip2ConfigException(CA_FILE, "is set but " + TLS + " is false");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new InvalidSip2ConfigException(CA_FILE, "names a file that cannot be read: " + caFile);
        }
        if (loginUser != null) {
            if (loginPassword == null) {
                throw new InvalidSip2ConfigException(LOGIN_PASSWORD, "is required when " + LOGIN_USER + " is set");
            }
        } else if (loginPassword != null || locationCode != null) {
            throw new InvalidSip2ConfigException(LOGIN_USER, "is required when " + LOGIN_PASSWORD + " or " + LOCATION_CODE + " is set");
        }
        if (delimiter < '!' || delimiter > '~' || Character.isLetterOrDigit(delimiter)) {
            throw new InvalidSip2ConfigException(DELIMITER, "must be one printable ASCII character that is not a letter or digit, not '" + delimiter + "'");
        }
        Sip2ConfigChecks.wireValue(LOGIN_USER, loginUser, delimiter);
        Sip2ConfigChecks.wireValue(LOGIN_PASSWORD, loginPassword, delimiter);
        Sip2ConfigChecks.wireValue(LOCATION_CODE, locationCode, delimiter);
        if (institutionId == null) {
            throw new InvalidSip2ConfigException(INSTITUTION, "must not be null (an empty institution id is allowed)");
        }
        Sip2ConfigChecks.wireValue(INSTITUTION, institutionId, delimiter);
        Sip2ConfigChecks.wireValue(TERMINAL_PASSWORD, terminalPassword, delimiter);
        if (charset == null || !CHARSETS.contains(charset.name())) {
            throw new InvalidSip2ConfigException(CHARSET, "must be one of " + new TreeSet<>(CHARSETS) + ", not " + (charset == null ? null : charset.name()));
        }
        Sip2ConfigChecks.millis(CONNECT_TIMEOUT, connectTimeout);
        Sip2ConfigChecks.millis(READ_TIMEOUT, readTimeout);
        Sip2ConfigChecks.range(MAX_LINE_LENGTH, maxLineLength, 256, 65_536);
        Sip2ConfigChecks.fieldId(BIRTH_DATE_FIELD, birthDateField);
        Sip2ConfigChecks.fieldId(EXPIRY_FIELD, expiryField);
    }

    /** A builder with every default: no TLS, no login, empty institution, checksums off, {@code |}, UTF-8, 5 s / 10 s, 4096 bytes, PB / PA. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /** A builder holding this config's values, to change a few. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads the {@code sip2.*} keys of {@code values} (other keys are left for the caller's own
     * config), trimming each value; empty values count as unset. Unknown {@code sip2.*} keys are
     * refused, naming the key and listing the known ones.
     */
    public static Sip2Config fromValues(Map<String, String> values) {
        Properties sip2 = new Properties();
        values.forEach((key, value) -> {
            if (key.startsWith("sip2.") && value != null) {
                sip2.setProperty(key, value);
            }
        });
        return Sip2ConfigValues.read(ConfigReader.of(SPEC, sip2, Map.of()));
    }

    /** The effective config, one key per line, with both passwords redacted. */
    @Override
    public String toString() {
        return ConfigReader.describe("Sip2Config", HOST, host, PORT, port, TLS, tls, CA_FILE, caFile, LOGIN_USER, loginUser,
                LOGIN_PASSWORD, loginPassword, LOCATION_CODE, locationCode, INSTITUTION, institutionId, TERMINAL_PASSWORD,
                terminalPassword, CHECKSUMS, checksums, DELIMITER, delimiter, CHARSET, charset.name(), CONNECT_TIMEOUT,
                connectTimeout.toMillis(), READ_TIMEOUT, readTimeout.toMillis(), MAX_LINE_LENGTH, maxLineLength,
                BIRTH_DATE_FIELD, birthDateField, EXPIRY_FIELD, expiryField);
    }

    /** Builds a {@link Sip2Config}; {@link #build()} validates. */
    public static final class Builder {
        private String host;
        private int port;
        private boolean tls;
        private Path caFile;
        private String loginUser;
        private String loginPassword;
        private String locationCode;
        private String institutionId = "";
        private String terminalPassword;
        private boolean checksums;
        private char delimiter = '|';
        private Charset charset = StandardCharsets.UTF_8;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private int maxLineLength = 4096;
        private String birthDateField = "PB";
        private String expiryField = "PA";

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        private Builder(Sip2Config c) {
            this(c.host, c.port);
            tls = c.tls;
            caFile = c.caFile;
            loginUser = c.loginUser;
            loginPassword = c.loginPassword;
            locationCode = c.locationCode;
            institutionId = c.institutionId;
            terminalPassword = c.terminalPassword;
            checksums = c.checksums;
            delimiter = c.delimiter;
            charset = c.charset;
            connectTimeout = c.connectTimeout;
            readTimeout = c.readTimeout;
            maxLineLength = c.maxLineLength;
            birthDateField = c.birthDateField;
            expiryField = c.expiryField;
        }

        public Builder address(String newHost, int newPort) {
            host = newHost;
            port = newPort;
            return this;
        }

        /** TLS on, trusting the CAs in {@code pemFile} (null: the JDK's trust store). */
        public Builder tls(Path pemFile) {
            tls = true;
            caFile = pemFile;
            return this;
        }

        public Builder plainTcp() {
            tls = false;
            caFile = null;
            return this;
        }

        /** Log in with message 93 after connecting; {@code location} may be null. */
        public Builder login(String user, String password, String location) {
            loginUser = user;
            loginPassword = password;
            locationCode = location;
            return this;
        }

        public Builder noLogin() {
            return login(null, null, null);
        }

        public Builder institution(String id) {
            institutionId = id;
            return this;
        }

        public Builder terminalPassword(String password) {
            terminalPassword = password;
            return this;
        }

        public Builder checksums(boolean on) {
            checksums = on;
            return this;
        }

        public Builder delimiter(char c) {
            delimiter = c;
            return this;
        }

        public Builder charset(Charset c) {
            charset = c;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            connectTimeout = timeout;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            readTimeout = timeout;
            return this;
        }

        public Builder maxLineLength(int bytes) {
            maxLineLength = bytes;
            return this;
        }

        public Builder birthDateField(String id) {
            birthDateField = id;
            return this;
        }

        public Builder expiryField(String id) {
            expiryField = id;
            return this;
        }

        public Sip2Config build() {
            return new Sip2Config(host, port, tls, caFile, loginUser, loginPassword, locationCode, institutionId,
                    terminalPassword, checksums, delimiter, charset, connectTimeout, readTimeout, maxLineLength,
                    birthDateField, expiryField);
        }
    }
}
