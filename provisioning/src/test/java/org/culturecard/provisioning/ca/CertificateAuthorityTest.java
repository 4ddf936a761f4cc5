package org.culturecard.provisioning.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
    @TempDir
    Path temp;

    private final CertificateAuthority ca = new CertificateAuthority(Clock.systemUTC(), new SecureRandom());

    @Test
    void createsASelfSignedCaThatOnlyItsOwnerCanRead() throws Exception {
        Path dir = temp.resolve("ca");
        ca.init(dir, "Test CA", Duration.ofDays(30));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");

        X509Certificate cert;
        try (InputStream in = Files.newInputStream(dir.resolve("ca.crt"))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        cert.verify(cert.getPublicKey());
        cert.checkValidity();
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=Test CA");
    }

    @Test
    void refusesToOverwriteAnExistingCa() throws Exception {
        ca.init(temp, "First", Duration.ofDays(1));
        String before = Files.readString(temp.resolve("ca.key"));
        assertThatThrownBy(() -> ca.init(temp, "Second", Duration.ofDays(1))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(temp.resolve("ca.key"))).isEqualTo(before);
    }
}
