package org.culturecard.provisioning.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.culturecard.core.privacy.SchemeKeyFiles;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.kiosk.BundleOptions;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.culturecard.provisioning.kiosk.KioskSpec;
import org.culturecard.testsupport.server.LocalProcesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the doctor says for the faults it can find without any server. */
class DoctorTest {
    @TempDir
    Path temp;

    private Path installed;
    private Path schemeKey;
    private IssuingAuthority ca;
    private int closedPort;

    @BeforeEach
    void installAKiosk() throws Exception {
        new CertificateAuthority(Clock.systemUTC(), new SecureRandom()).init(temp.resolve("ca"), "Test CA", Duration.ofDays(365));
        ca = IssuingAuthority.load(temp.resolve("ca"), Clock.systemUTC(), new SecureRandom());
        installed = temp.resolve("kiosk-1");
        schemeKey = temp.resolve("scheme.key");
        Files.writeString(schemeKey, "cd".repeat(32));
        Files.setPosixFilePermissions(schemeKey, PosixFilePermissions.fromString("rw-------"));
        closedPort = LocalProcesses.freeLoopbackPort();
        provision(Duration.ofDays(90));
    }

    @Test
    void saysWhatIsWrongAndHowToFixIt() throws Exception {
        Map<String, CheckResult> results = examine(false, List.of());

        assertThat(results.get("pcscd").line()).startsWith("FAIL pcscd").contains("fix: sudo systemctl enable --now pcscd.socket");
        assertThat(results.get("readers").line()).contains("no card reader attached", "fix:", "pn533_usb");
        assertThat(results.get("config").status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(results.get("certificates").status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(results.get("broker").line()).startsWith("FAIL broker").contains("unreachable", "fix:");
    }

    @Test
    void failsACertificateThatExpiresWithinThirtyDays() throws Exception {
        LocalProcesses.deleteTree(installed);
        provision(Duration.ofDays(10));
        assertThat(examine(true, List.of("Reader")).get("certificates").line())
                .startsWith("FAIL certificates").contains("expires", "fix: re-issue");
    }

    @Test
    void failsASchemeKeyOthersCanRead() throws Exception {
        Files.setPosixFilePermissions(schemeKey, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(examine(true, List.of("Reader")).get("config").line()).contains("readable by others", "fix: chmod 600");
    }

    @Test
    void failsASchemeKeyWiderThan0640AndPassesOneTheKioskGroupMayRead() throws Exception {
        Files.setPosixFilePermissions(schemeKey, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(examine(true, List.of("Reader")).get("config").line())
                .contains("scheme key " + schemeKey + " is mode rw-rw----, wider than 0640", "fix: chmod 600 " + schemeKey);
        Files.setPosixFilePermissions(schemeKey, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(examine(true, List.of("Reader")).get("config").line())
                .isEqualTo("PASS config       kiosk kiosk-1 valid; scheme key " + schemeKey + " mode 0640");
    }

    @Test
    void failsASchemeKeyThatIsNotAKeyNamingTheFile() throws Exception {
        Files.writeString(schemeKey, "cd".repeat(20) + "\n"); // cut off: 40 hex digits
        assertThat(examine(true, List.of("Reader")).get("config").line()).startsWith("FAIL config")
                .contains("scheme key " + schemeKey + " is not a scheme key", "40 digits", "fix:", "provision scheme-key create");
        Files.delete(schemeKey);
        assertThat(examine(true, List.of("Reader")).get("config").line()).startsWith("FAIL config")
                .contains("scheme key " + schemeKey + " is missing or unreadable", "fix: install the council's scheme key");
    }

    @Test
    void failsASchemeKeyNotOwnedByTheKioskUser() throws Exception {
        assumeTrue(LocalProcesses.runningAsRoot(), "changing a file's owner needs root (CI runs as root)");
        Files.setOwner(installed.resolve("kiosk.properties"), installed.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThat(examine(true, List.of("Reader")).get("config").line()).startsWith("FAIL config")
                .contains("scheme key " + schemeKey + " is owned by root, not by nobody (the owner of kiosk.properties, the kiosk user)",
                        "fix: chown nobody " + schemeKey);
    }

    @Test
    void passesAKeyMadeByProvisionSchemeKeyCreate() throws Exception {
        Files.delete(schemeKey);
        SchemeKeyFiles.create(schemeKey, new SecureRandom());
        assertThat(examine(true, List.of("Reader")).get("config").line())
                .isEqualTo("PASS config       kiosk kiosk-1 valid; scheme key " + schemeKey + " mode 0600");
    }

    @Test
    void failsAMissingConfigAndSkipsWhatDependsOnIt() throws Exception {
        Files.delete(installed.resolve("sync.properties"));
        Map<String, CheckResult> results = examine(true, List.of("Reader"));
        assertThat(results.get("config").line()).startsWith("FAIL config").contains("sync.properties");
        assertThat(results.get("broker").status()).isEqualTo(CheckResult.Status.SKIP);
    }

    @Test
    void failsACorruptDatabase() throws Exception {
        Files.write(installed.resolve("kiosk.db"), "SQLite format 3\0 but not really a database at all".repeat(50).getBytes());
        assertThat(examine(true, List.of("Reader")).get("database").line()).startsWith("FAIL database").contains("fix:");
    }

    @Test
    void failsWhenTheDiskBudgetIsNotMet() throws Exception {
        Doctor doctor = new Doctor(Clock.systemUTC(), new Doctor.Options(() -> true, () -> List.of("Reader"), null,
                Long.MAX_VALUE, Duration.ofDays(30), Duration.ofSeconds(1)));
        assertThat(doctor.disk(installed.resolve("kiosk.db")).line()).startsWith("FAIL disk").contains("below the budget");
    }

    private void provision(Duration validity) throws Exception {
        BundleOptions options = new BundleOptions(URI.create("ssl://127.0.0.1:" + closedPort), schemeKey, installed, installed,
                validity, Duration.ofDays(1));
        new KioskBundles(ca, options, Clock.systemUTC()).provision(KioskSpec.of("library", "kiosk-1", null), temp);
    }

    private Map<String, CheckResult> examine(boolean pcscd, List<String> readers) {
        Doctor doctor = new Doctor(Clock.systemUTC(), new Doctor.Options(() -> pcscd, () -> readers, null, 1,
                Duration.ofDays(30), Duration.ofSeconds(1)));
        return doctor.examine(installed).stream().collect(Collectors.toMap(CheckResult::name, Function.identity()));
    }
}
