package org.culturecard.provisioning.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.ca.Pem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.culturecard.provisioning.kiosk.internal.BulkCsv;
import org.culturecard.provisioning.kiosk.internal.BulkProvisioner;

class KioskBundlesTest {
    @TempDir
    Path temp;

    private IssuingAuthority ca;
    private KioskBundles bundles;
    private Path out;

    @BeforeEach
    void createCa() throws IOException {
        new CertificateAuthority(Clock.systemUTC(), new SecureRandom()).init(temp.resolve("ca"), "Test CA", Duration.ofDays(365));
        ca = IssuingAuthority.load(temp.resolve("ca"), Clock.systemUTC(), new SecureRandom());
        bundles = new KioskBundles(ca, BundleOptions.defaults(), Clock.systemUTC());
        out = temp.resolve("bundles");
    }

    @Test
    void aKeptBundleMadeBeforeDiagnosticsCertificatesGetsThemWithoutANewKioskKey() throws Exception {
        bundles.provision(KioskSpec.of("central-library", "central-library-1", "Central Library"), out);
        Path dir = out.resolve("central-library-1");
        String kioskKey = Files.readString(dir.resolve("kiosk.key"));
        Files.delete(dir.resolve("diag.crt"));
        Files.delete(dir.resolve("diag.key"));

        assertThat(bundles.provision(KioskSpec.of("central-library", "central-library-1", "Central Library"), out))
                .isEqualTo(new BundleOutcome.Kept(dir));
        assertThat(Files.readString(dir.resolve("kiosk.key"))).isEqualTo(kioskKey);
        assertThat(KioskBundles.matches(Pem.readPrivateKey(dir.resolve("diag.key")), Pem.readCertificate(dir.resolve("diag.crt")))).isTrue();
    }

    @Test
    void writesABundleThatOnlyItsOwnerCanRead() throws Exception {
        BundleOutcome outcome = bundles.provision(KioskSpec.of("central-library", "central-library-1", "Central Library"), out);

        Path dir = out.resolve("central-library-1");
        assertThat(outcome).isEqualTo(new BundleOutcome.Created(dir));
        assertThat(mode(dir)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName() + " " + mode(f)).sorted().toList()).containsExactly(
                    "ca.crt rw-------", "diag.crt rw-------", "diag.key rw-------", "kiosk.crt rw-------", "kiosk.key rw-------",
                    "kiosk.properties rw-------", "sync.properties rw-------");
        }
        X509Certificate diag = Pem.readCertificate(dir.resolve("diag.crt"));
        diag.verify(ca.certificate().getPublicKey());
        assertThat(org.culturecard.provisioning.ca.CertificateAuthority.commonName(diag.getSubjectX500Principal())).isEqualTo("central-library-1.diag");
        X509Certificate cert = Pem.readCertificate(dir.resolve("kiosk.crt"));
        cert.verify(ca.certificate().getPublicKey());
        assertThat(CertificateAuthority.commonName(cert.getSubjectX500Principal())).isEqualTo("central-library-1");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(KioskBundles.matches(Pem.readPrivateKey(dir.resolve("kiosk.key")), cert)).isTrue();
    }

    @Test
    void writesTheKeysTheKioskAndTheSyncAgentRead() throws Exception {
        bundles.provision(KioskSpec.of("museum", "museum-2", "Town Museum: Hall = 1"), out);
        Properties kiosk = load(out.resolve("museum-2/kiosk.properties"));
        assertThat(kiosk).containsEntry("venue.id", "museum").containsEntry("kiosk.id", "museum-2")
                .containsEntry("venue.name", "Town Museum: Hall = 1")
                .containsEntry("database.path", "/var/lib/culturecard/kiosk.db")
                .containsEntry("scheme.key.path", "/etc/culturecard/scheme.key");
        Properties sync = load(out.resolve("museum-2/sync.properties"));
        assertThat(sync.stringPropertyNames()).containsExactlyInAnyOrder("broker.uri", "kiosk.id", "venue.id",
                "database.path", "tls.ca-cert", "tls.client-cert", "tls.client-key");
        assertThat(sync).containsEntry("broker.uri", "ssl://broker.culturecard.local:8883")
                .containsEntry("tls.client-key", "/etc/culturecard/kiosk.key");
    }

    @Test
    void keepsAValidBundleOnARerunWithoutResigning() throws Exception {
        KioskSpec spec = KioskSpec.of("library", "library-1", null);
        bundles.provision(spec, out);
        String cert = Files.readString(out.resolve("library-1/kiosk.crt"));

        assertThat(bundles.provision(spec, out)).isInstanceOf(BundleOutcome.Kept.class);
        assertThat(Files.readString(out.resolve("library-1/kiosk.crt"))).isEqualTo(cert);
    }

    @Test
    void renewsACertificateThatExpiresSoonOrComesFromAnotherCa() throws Exception {
        KioskSpec spec = KioskSpec.of("library", "library-1", null);
        BundleOptions shortLived = new BundleOptions(BundleOptions.DEFAULT_BROKER, BundleOptions.DEFAULT_SCHEME_KEY,
                BundleOptions.DEFAULT_INSTALL_DIR, BundleOptions.DEFAULT_DATA_DIR, Duration.ofDays(10), Duration.ofDays(30));
        new KioskBundles(ca, shortLived, Clock.systemUTC()).provision(spec, out);
        assertThat(bundles.provision(spec, out)).isInstanceOfSatisfying(BundleOutcome.Renewed.class,
                renewed -> assertThat(renewed.why()).startsWith("certificate expires"));

        new CertificateAuthority(Clock.systemUTC(), new SecureRandom()).init(temp.resolve("ca2"), "Other", Duration.ofDays(365));
        KioskBundles other = new KioskBundles(IssuingAuthority.load(temp.resolve("ca2"), Clock.systemUTC(), new SecureRandom()),
                BundleOptions.defaults(), Clock.systemUTC());
        assertThat(other.provision(spec, out)).isInstanceOfSatisfying(BundleOutcome.Renewed.class,
                renewed -> assertThat(renewed.why()).isEqualTo("certificate was signed by another CA"));
    }

    @Test
    void refusesToMoveAKioskToAnotherVenueSilently() throws Exception {
        bundles.provision(KioskSpec.of("library", "kiosk-1", null), out);
        assertThatThrownBy(() -> bundles.provision(KioskSpec.of("museum", "kiosk-1", null), out))
                .hasMessageContaining("already has a bundle for venue library");
    }

    @Test
    void refusesIdsThatTheBrokerGivesOtherRightsTo() {
        assertThatThrownBy(() -> KioskSpec.of("library", "central", null)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> KioskSpec.of("Library", "k1", null)).hasMessageContaining("venue id 'Library'");
    }

    @Test
    void bulkReportsBadLinesByNumberAndDoesTheRestIdempotently() throws Exception {
        List<String> csv = List.of(
                "venue,kiosk,venue name",
                "library,library-1,Central Library",
                "library,Library 2,Central Library",
                "",
                "# a comment",
                "museum,museum-1,\"Town Museum, East Wing\"",
                "museum",
                "museum,library-1,Duplicate",
                "theatre,theatre-1");
        BulkCsv.Parsed parsed = BulkCsv.parse(csv);
        BulkProvisioner provisioner = new BulkProvisioner(bundles, 2);

        BulkProvisioner.Report first = provisioner.run(parsed, out, () -> { });
        assertThat(first.created()).isEqualTo(3);
        assertThat(first.errors()).extracting(BulkCsv.LineError::line).containsExactly(3, 7, 8);
        assertThat(first.errors().get(2).message()).contains("already on line 2");
        assertThat(load(out.resolve("museum-1/kiosk.properties"))).containsEntry("venue.name", "Town Museum, East Wing");

        BulkProvisioner.Report again = provisioner.run(BulkCsv.parse(csv), out, () -> { });
        assertThat(again.created()).isZero();
        assertThat(again.kept()).isEqualTo(3);
        assertThat(again.errors()).extracting(BulkCsv.LineError::line).containsExactly(3, 7, 8);
        try (Stream<Path> dirs = Files.list(out)) {
            assertThat(dirs.map(d -> d.getFileName().toString()).sorted().toList())
                    .containsExactly("library-1", "museum-1", "theatre-1");
        }
    }

    @Test
    void readsAFirstLineThatIsNotAHeader() {
        assertThat(BulkCsv.parse(List.of("venue-0,kiosk-0", "venue-0,kiosk-1")).rows()).hasSize(2);
        assertThat(BulkCsv.parse(List.of("Venue , Kiosk", "venue-0,kiosk-1")).rows()).hasSize(1);
        assertThat(BulkCsv.parse(List.of("\uFEFFvenue,kiosk\r", "venue-0,kiosk-1\r")).rows()).hasSize(1);
    }

    private static String mode(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        return properties;
    }
}
