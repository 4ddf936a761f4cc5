package org.culturecard.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One validation pass that names the bad key, and a toString that can be logged. */
class Sip2ConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("sip2.host", "lms.example.org");
        values.put("sip2.port", "6001");
        return values;
    }

    @Test
    void readsEveryKeyFromAConfigFilesValues(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("lms-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Map<String, String> values = minimal();
        values.putAll(Map.ofEntries(Map.entry("sip2.tls", "true"), Map.entry("sip2.tls.ca-file", ca.toString()),
                Map.entry("sip2.login.user", "kiosk-1"), Map.entry("sip2.login.password", "s3cret"),
                Map.entry("sip2.login.location", "LEEDS-CENTRAL"), Map.entry("sip2.institution", "LEEDS"),
                Map.entry("sip2.terminal-password", "t3rm"), Map.entry("sip2.checksums", "on"),
                Map.entry("sip2.delimiter", "^"), Map.entry("sip2.charset", "windows-1252"),
                Map.entry("sip2.connect-timeout-ms", "2000"), Map.entry("sip2.read-timeout-ms", " 7000 "),
                Map.entry("sip2.max-line-length", "8192"), Map.entry("sip2.field.birth-date", "XB"),
                Map.entry("sip2.field.expiry", "XE"), Map.entry("central.http.port", "8080")));

        Sip2Config config = Sip2Config.fromValues(values);

        assertThat(config).isEqualTo(Sip2Config.builder("lms.example.org", 6001).tls(ca).login("kiosk-1", "s3cret", "LEEDS-CENTRAL")
                .institution("LEEDS").terminalPassword("t3rm").checksums(true).delimiter('^')
                .charset(java.nio.charset.Charset.forName("windows-1252")).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(7)).maxLineLength(8192).birthDateField("XB").expiryField("XE").build());
    }

    @Test
    void defaultsAreTheSpecsAndSafeOnes() {
        Sip2Config config = Sip2Config.fromValues(minimal());

        assertThat(config.tls()).isFalse();
        assertThat(config.loginUser()).isNull();
        assertThat(config.institutionId()).isEmpty();
        assertThat(config.checksums()).isFalse();
        assertThat(config.delimiter()).isEqualTo('|');
        assertThat(config.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxLineLength()).isEqualTo(4096);
        assertThat(config.birthDateField()).isEqualTo("PB");
        assertThat(config.expiryField()).isEqualTo("PA");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '~', value = {
        "sip2.port~0~sip2.port",
        "sip2.port~six~sip2.port",
        "sip2.tls~maybe~sip2.tls",
        "sip2.tls.ca-file~/etc/ca.pem~sip2.tls.ca-file",
        "sip2.login.password~x~sip2.login.user",
        "sip2.login.location~x~sip2.login.user",
        "sip2.institution~A|B~sip2.institution",
        "sip2.delimiter~ab~sip2.delimiter",
        "sip2.delimiter~A~sip2.delimiter",
        "sip2.charset~UTF-16~sip2.charset",
        "sip2.charset~no-such-charset~sip2.charset",
        "sip2.connect-timeout-ms~0~sip2.connect-timeout-ms",
        "sip2.read-timeout-ms~300001~sip2.read-timeout-ms",
        "sip2.max-line-length~100~sip2.max-line-length",
        "sip2.field.birth-date~AE~sip2.field.birth-date",
        "sip2.field.expiry~p~sip2.field.expiry",
        "sip2.hots~lms~sip2.hots",
    })
    void refusesABadValueNamingTheKey(String key, String value, String named) {
        Map<String, String> values = minimal();
        values.put(key, value);

        assertThatThrownBy(() -> Sip2Config.fromValues(values))
                .isInstanceOfSatisfying(InvalidSip2ConfigException.class, e -> assertThat(e.key()).isEqualTo(named))
                .hasMessageContaining("'" + named + "'");
    }

    @Test
    void requiresHostAndPort() {
        assertThatThrownBy(() -> Sip2Config.fromValues(Map.of("sip2.port", "6001"))).hasMessageContaining("'sip2.host'");
        assertThatThrownBy(() -> Sip2Config.fromValues(Map.of("sip2.host", "lms"))).hasMessageContaining("'sip2.port'");
    }

    @Test
    void requiresAPasswordWithALoginUser() {
        Map<String, String> values = minimal();
        values.put("sip2.login.user", "kiosk-1");

        assertThatThrownBy(() -> Sip2Config.fromValues(values)).hasMessageContaining("'sip2.login.password'");
    }

    @Test
    void refusesALoginValueThatWouldInjectAFieldWithoutRepeatingIt() {
        Map<String, String> values = minimal();
        values.put("sip2.login.user", "kiosk-1");
        values.put("sip2.login.password", "pa|ss");

        assertThatThrownBy(() -> Sip2Config.fromValues(values)).hasMessageContaining("'sip2.login.password'")
                .hasMessageNotContaining("pa|ss");
    }

    @Test
    void redactsBothPasswordsWhenPrinted() {
        Sip2Config config = Sip2Config.builder("lms", 6001).login("kiosk-1", "s3cret-login", null)
                .terminalPassword("s3cret-terminal").build();

        assertThat(config).asString().contains("sip2.login.user = kiosk-1").contains("(redacted)")
                .doesNotContain("s3cret-login").doesNotContain("s3cret-terminal");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        Sip2Config config = Sip2Config.builder("lms", 6001).login("u", "p", "loc").checksums(true).delimiter('^').build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.toBuilder().address("other", 7001).build().host()).isEqualTo("other");
    }
}
