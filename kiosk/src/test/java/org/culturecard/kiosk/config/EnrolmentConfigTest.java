package org.culturecard.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Period;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's optional library-system section: read by sip2's Sip2Config, in a 0600 file only. */
class EnrolmentConfigTest {
    @TempDir
    Path dir;

    @Test
    void withoutASip2SectionTheKioskDoesNotEnrolAndTheKioskConfigStillLoads() throws Exception {
        Path file = write("venue.id=central-library\nkiosk.id=k-1\nvenue.name=Central\ndatabase.path=/tmp/k.db\n"
                + "scheme.key.path=/tmp/s.key\n", "rw-r--r--");

        EnrolmentConfig config = EnrolmentConfig.load(file, Map.of());

        assertThat(config.sip2()).isEmpty();
        assertThat(config.selfService()).isFalse();
        assertThat(config.defaultValidity()).isEqualTo(Period.ofMonths(12));
        assertThat(KioskConfig.load(file, Map.of()).venueName()).isEqualTo("Central");
    }

    @Test
    void aSip2SectionIsReadBySip2ConfigAndTheKioskConfigAcceptsItsKeys() throws Exception {
        Path file = write("venue.id=central-library\nkiosk.id=k-1\nvenue.name=Central\ndatabase.path=/tmp/k.db\n"
                + "scheme.key.path=/tmp/s.key\nsip2.host=lms.example.org\nsip2.port=6001\n"
                + "sip2.login.user=kiosk\nsip2.login.password=s3cret\nenrolment.self-service=true\n"
                + "enrolment.validity-months=24\n", "rw-------");

        EnrolmentConfig config = EnrolmentConfig.load(file, Map.of());

        assertThat(config.sip2()).hasValueSatisfying(sip2 -> {
            assertThat(sip2.host()).isEqualTo("lms.example.org");
            assertThat(sip2.port()).isEqualTo(6001);
        });
        assertThat(config.selfService()).isTrue();
        assertThat(config.defaultValidity()).isEqualTo(Period.ofMonths(24));
        assertThat(KioskConfig.load(file, Map.of()).venueName()).isEqualTo("Central");
    }

    @Test
    void aFileWithTheLmsPasswordReadableByOthersIsRefused() throws Exception {
        Path file = write("sip2.host=lms.example.org\nsip2.port=6001\nsip2.login.user=kiosk\nsip2.login.password=s3cret\n",
                "rw-r--r--");

        assertThatThrownBy(() -> EnrolmentConfig.load(file, Map.of())).isInstanceOf(KioskConfigException.class)
                .hasMessageContaining("chmod 600").hasMessageNotContaining("s3cret");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> EnrolmentConfig.from(props("sip2.hots", "x"), Map.of()))
                .isInstanceOf(KioskConfigException.class).hasMessageContaining("sip2.hots");
        assertThatThrownBy(() -> EnrolmentConfig.from(props("enrolment.self-service", "true"), Map.of()))
                .isInstanceOf(KioskConfigException.class).hasMessageContaining("enrolment.self-service");
        assertThatThrownBy(() -> EnrolmentConfig.from(props("enrolment.validity-months", "0"), Map.of()))
                .isInstanceOf(KioskConfigException.class).hasMessageContaining("enrolment.validity-months");
    }

    private static Properties props(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    private Path write(String text, String mode) throws Exception {
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
