package org.culturecard.provisioning.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationListTest {
    @TempDir
    Path temp;

    @Test
    void revokesOnceAndWritesACrlSignedByTheCaThatLastsAsLongAsTheCa() throws Exception {
        Path dir = temp.resolve("ca");
        new CertificateAuthority(Clock.systemUTC(), new SecureRandom()).init(dir, "Test CA", Duration.ofDays(365));
        IssuingAuthority ca = IssuingAuthority.load(dir, Clock.systemUTC(), new SecureRandom());
        Issued stolen = ca.issueClient("kiosk-9", Duration.ofDays(30));
        Issued kept = ca.issueClient("kiosk-8", Duration.ofDays(30));

        assertThat(ca.revoke(dir, stolen.certificate())).isTrue();
        assertThat(ca.revoke(dir, stolen.certificate())).isFalse();

        X509CRL crl;
        try (InputStream in = Files.newInputStream(dir.resolve(RevocationList.CRL_FILE))) {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
        crl.verify(ca.certificate().getPublicKey());
        assertThat(crl.isRevoked(stolen.certificate())).isTrue();
        assertThat(crl.isRevoked(kept.certificate())).isFalse();
        assertThat(crl.getNextUpdate()).isEqualTo(ca.certificate().getNotAfter());
        assertThat(new RevocationList(dir, Clock.systemUTC()).revokedNames()).containsExactly("kiosk-9");
    }

    @Test
    void refusesACertificateFromAnotherCa() throws Exception {
        new CertificateAuthority(Clock.systemUTC(), new SecureRandom()).init(temp.resolve("a"), "A", Duration.ofDays(30));
        new CertificateAuthority(Clock.systemUTC(), new SecureRandom()).init(temp.resolve("b"), "B", Duration.ofDays(30));
        IssuingAuthority a = IssuingAuthority.load(temp.resolve("a"), Clock.systemUTC(), new SecureRandom());
        IssuingAuthority b = IssuingAuthority.load(temp.resolve("b"), Clock.systemUTC(), new SecureRandom());
        Issued foreign = b.issueClient("kiosk-1", Duration.ofDays(1));
        assertThatThrownBy(() -> a.revoke(temp.resolve("a"), foreign.certificate())).hasMessageContaining("not issued by the CA");
    }
}
