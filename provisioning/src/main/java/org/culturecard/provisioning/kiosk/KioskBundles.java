package org.culturecard.provisioning.kiosk;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.Issued;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.ca.Pem;

/**
 * Writes kiosk bundles: one directory per kiosk ({@code OUT/<kiosk-id>/}, mode 0700) holding
 * {@code kiosk.properties} (read by the kiosk), {@code sync.properties} (read by the sync agent),
 * {@code kiosk.key}, {@code kiosk.crt}, {@code ca.crt}, and the doctor's {@code diag.key} and
 * {@code diag.crt} (CN {@code <kiosk>.diag}, ADR 18), every file 0600. The scheme's HMAC key
 * is named by path, never copied: it is installed once per machine by the council's IT team.
 *
 * <p>Idempotent: a bundle already there for the same kiosk and venue, with a certificate from this
 * CA that is not about to expire, is kept as it is. A bundle is written to a temporary directory
 * and moved into place, so an interrupted run never leaves half a bundle.
 */
public final class KioskBundles {
    public static final String KIOSK_PROPERTIES = "kiosk.properties";
    public static final String SYNC_PROPERTIES = "sync.properties";
    public static final String KEY = "kiosk.key";
    public static final String CERT = "kiosk.crt";
    public static final String CA_CERT = "ca.crt";
    /** The doctor's own key and certificate (CN {@code <kiosk>.diag}): the broker lets it connect and nothing else. */
    public static final String DIAG_KEY = "diag.key";
    public static final String DIAG_CERT = "diag.crt";
    /** Appended to a kiosk id for its diagnostics identity; kiosk ids cannot hold a dot, so it names no kiosk. */
    public static final String DIAG_SUFFIX = ".diag";

    private final IssuingAuthority ca;
    private final BundleOptions options;
    private final Clock clock;

    public KioskBundles(IssuingAuthority ca, BundleOptions options, Clock clock) {
        this.ca = ca;
        this.options = options;
        this.clock = clock;
    }

    /** Creates, keeps or renews the bundle of {@code spec} under {@code out}. */
    public BundleOutcome provision(KioskSpec spec, Path out) throws IOException {
        Path dir = out.resolve(spec.kiosk().value());
        if (Files.isDirectory(dir)) {
            String problem = problemWith(spec, dir);
            if (problem == null) {
                refreshProperties(spec, dir);
                ensureDiagnostics(spec, dir);
                return new BundleOutcome.Kept(dir);
            }
            write(spec, dir);
            return new BundleOutcome.Renewed(dir, problem);
        }
        write(spec, dir);
        return new BundleOutcome.Created(dir);
    }

    /** The kiosk's config as the kiosk reads it ({@code org.culturecard.kiosk.config.KioskConfig}). */
    public String kioskProperties(KioskSpec spec) {
        return "# Culture Card kiosk " + spec.kiosk() + ", written by provision\n"
                + line("venue.id", spec.venue().value())
                + line("kiosk.id", spec.kiosk().value())
                + line("venue.name", spec.venueName())
                + line("database.path", options.dataDir().resolve("kiosk.db").toString())
                + line("scheme.key.path", options.schemeKeyPath().toString())
                + line("kiosk.mode", "true")
                + line("language", "en");
    }

    /** The sync agent's config ({@code org.culturecard.sync.config.SyncConfig}). */
    public String syncProperties(KioskSpec spec) {
        Path install = options.installDir();
        return "# Culture Card sync agent for kiosk " + spec.kiosk() + ", written by provision\n"
                + line("broker.uri", options.broker().toString())
                + line("kiosk.id", spec.kiosk().value())
                + line("venue.id", spec.venue().value())
                + line("database.path", options.dataDir().resolve("kiosk.db").toString())
                + line("tls.ca-cert", install.resolve(CA_CERT).toString())
                + line("tls.client-cert", install.resolve(CERT).toString())
                + line("tls.client-key", install.resolve(KEY).toString());
    }

    /** Why the bundle in {@code dir} cannot be kept, or null when it is valid for {@code spec}. */
    String problemWith(KioskSpec spec, Path dir) throws IOException {
        Properties existing = load(dir.resolve(KIOSK_PROPERTIES));
        String venue = existing.getProperty("venue.id");
        if (venue != null && !venue.equals(spec.venue().value())) {
            throw new IllegalStateException("kiosk " + spec.kiosk() + " already has a bundle for venue " + venue
                    + " in " + dir + "; kiosk ids are unique across the scheme (remove that bundle to move the kiosk)");
        }
        for (String name : new String[] {KIOSK_PROPERTIES, SYNC_PROPERTIES, KEY, CERT, CA_CERT}) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                return name + " is missing";
            }
        }
        X509Certificate cert;
        PrivateKey key;
        try {
            cert = Pem.readCertificate(dir.resolve(CERT));
            key = Pem.readPrivateKey(dir.resolve(KEY));
        } catch (IOException | RuntimeException e) {
            return "unreadable key or certificate (" + e.getMessage() + ")";
        }
        return certificateProblem(spec, cert, key);
    }

    private String certificateProblem(KioskSpec spec, X509Certificate cert, PrivateKey key) {
        if (!ca.signed(cert)) {
            return "certificate was signed by another CA";
        }
        if (!spec.kiosk().value().equals(CertificateAuthority.commonName(cert.getSubjectX500Principal()))) {
            return "certificate names another kiosk";
        }
        if (cert.getNotAfter().toInstant().isBefore(clock.instant().plus(options.renewBefore()))) {
            return "certificate expires " + cert.getNotAfter().toInstant();
        }
        if (!matches(key, cert)) {
            return "key does not match certificate";
        }
        return null;
    }

    /** True when {@code key} is the private half of {@code cert}'s public key. */
    public static boolean matches(PrivateKey key, X509Certificate cert) {
        try {
            byte[] probe = "culture card key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void write(KioskSpec spec, Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + spec.kiosk().value() + ".partial-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Issued issued = ca.issueClient(spec.kiosk().value(), options.validity());
            Pem.writePrivateKey(temp.resolve(KEY), issued.keyPair().getPrivate());
            Pem.writeCertificate(temp.resolve(CERT), issued.certificate(), Pem.OWNER_ONLY);
            Pem.writeCertificate(temp.resolve(CA_CERT), ca.certificate(), Pem.OWNER_ONLY);
            writeDiagnostics(spec, temp);
            Pem.writeText(temp.resolve(KIOSK_PROPERTIES), kioskProperties(spec), Pem.OWNER_ONLY);
            Pem.writeText(temp.resolve(SYNC_PROPERTIES), syncProperties(spec), Pem.OWNER_ONLY);
            deleteTree(dir);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(temp);
        }
    }

    /** The diagnostics identity's CN for {@code kiosk}. */
    public static String diagnosticsName(String kiosk) {
        return kiosk + DIAG_SUFFIX;
    }

    /** Adds the diagnostics key and certificate to a kept bundle made before they existed, or renews them. */
    private void ensureDiagnostics(KioskSpec spec, Path dir) throws IOException {
        String expected = diagnosticsName(spec.kiosk().value());
        try {
            X509Certificate diag = Pem.readCertificate(dir.resolve(DIAG_CERT));
            if (ca.signed(diag) && expected.equals(CertificateAuthority.commonName(diag.getSubjectX500Principal()))
                    && !diag.getNotAfter().toInstant().isBefore(clock.instant().plus(options.renewBefore()))
                    && matches(Pem.readPrivateKey(dir.resolve(DIAG_KEY)), diag)) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            // missing or unreadable: written below
        }
        writeDiagnostics(spec, dir);
    }

    private void writeDiagnostics(KioskSpec spec, Path dir) throws IOException {
        Issued diag = ca.issueClient(diagnosticsName(spec.kiosk().value()), options.validity());
        Pem.writePrivateKey(dir.resolve(DIAG_KEY), diag.keyPair().getPrivate());
        Pem.writeCertificate(dir.resolve(DIAG_CERT), diag.certificate(), Pem.OWNER_ONLY);
    }

    private void refreshProperties(KioskSpec spec, Path dir) throws IOException {
        rewriteIfChanged(dir.resolve(KIOSK_PROPERTIES), kioskProperties(spec));
        rewriteIfChanged(dir.resolve(SYNC_PROPERTIES), syncProperties(spec));
    }

    private static void rewriteIfChanged(Path file, String text) throws IOException {
        if (!Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            Pem.writeText(file, text, Pem.OWNER_ONLY);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
                properties.load(in);
            }
        }
        return properties;
    }

    /** One properties line; the value escaped only where java.util.Properties needs it. */
    private static String line(String key, String value) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || (i == 0 && Character.isWhitespace(c))) {
                escaped.append('\\');
            }
            if (c > 0x7e || c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return key + "=" + escaped + "\n";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
