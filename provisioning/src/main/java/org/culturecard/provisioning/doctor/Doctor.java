package org.culturecard.provisioning.doctor;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.SchemeKeyFiles;
import org.culturecard.kioskdb.Integrity;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.KioskDbFiles;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.ca.RevocationList;
import org.culturecard.provisioning.kiosk.KioskBundles;

/**
 * Finds out why a kiosk is not working: one check per line, each PASS, FAIL (with the fix) or SKIP.
 * Reads the kiosk's installed config ({@code kiosk.properties} and {@code sync.properties} in one
 * directory) and follows the paths it names.
 */
public final class Doctor {
    static final Path PCSCD_SOCKET = Path.of("/run/pcscd/pcscd.comm");

    /**
     * @param pcscdRunning  whether a pcscd process is alive
     * @param readers       the attached readers' names (empty when pcscd is unreachable)
     * @param timeUrl       an HTTP(S) URL whose Date header is the reference clock, or null
     * @param minFreeBytes  the disk budget: free space needed where the database lives
     * @param expiryWarning certificates expiring sooner than this fail
     */
    public record Options(Supplier<Boolean> pcscdRunning, Supplier<List<String>> readers, URI timeUrl,
            long minFreeBytes, Duration expiryWarning, Duration brokerTimeout) {}

    private static final String WITHDRAWN = "this kiosk's certificates are withdrawn: provision it again under a new id,"
            + " or delete its bundle and provision it again (a new serial number), and install the new bundle";

    private final Clock clock;
    private final Options options;

    public Doctor(Clock clock, Options options) {
        this.clock = clock;
        this.options = options;
    }

    /** Runs every check against the config in {@code configDir}. */
    public List<CheckResult> examine(Path configDir) {
        List<CheckResult> results = new ArrayList<>();
        results.add(pcscd());
        results.add(readers());
        Properties kiosk = new Properties();
        Properties sync = new Properties();
        CheckResult config = config(configDir, kiosk, sync);
        results.add(config);
        if (config.status() == CheckResult.Status.FAIL) {
            results.add(CheckResult.skip("certificates", "skipped: the config is not valid"));
            results.add(CheckResult.skip("broker", "skipped: the config is not valid"));
        } else {
            results.add(certificates(sync));
            results.add(broker(sync));
        }
        results.add(clockOffset());
        Path database = Path.of(kiosk.getProperty("database.path", sync.getProperty("database.path", "/var/lib/culturecard/kiosk.db")));
        results.add(disk(database));
        results.add(database(database));
        return results;
    }

    CheckResult pcscd() {
        if (!options.pcscdRunning().get()) {
            return CheckResult.fail("pcscd", "the PC/SC daemon is not running",
                    "sudo systemctl enable --now pcscd.socket (package pcscd)");
        }
        if (!Files.exists(PCSCD_SOCKET)) {
            return CheckResult.fail("pcscd", "running, but " + PCSCD_SOCKET + " is missing", "sudo systemctl restart pcscd");
        }
        return CheckResult.pass("pcscd", "running, socket " + PCSCD_SOCKET);
    }

    CheckResult readers() {
        List<String> names = options.readers().get();
        if (names.isEmpty()) {
            return CheckResult.fail("readers", "no card reader attached (or pcscd refused this user)",
                    "plug the reader in; for an ACR122U blacklist pn533_usb; check the polkit rule for the kiosk user");
        }
        return CheckResult.pass("readers", names.size() + " attached: " + String.join(", ", names));
    }

    CheckResult config(Path dir, Properties kiosk, Properties sync) {
        try {
            load(dir.resolve(KioskBundles.KIOSK_PROPERTIES), kiosk);
            load(dir.resolve(KioskBundles.SYNC_PROPERTIES), sync);
            for (String key : List.of("venue.id", "kiosk.id", "venue.name", "database.path", "scheme.key.path")) {
                require(kiosk, key, KioskBundles.KIOSK_PROPERTIES);
            }
            for (String key : List.of("broker.uri", "venue.id", "kiosk.id", "database.path", "tls.ca-cert", "tls.client-cert", "tls.client-key")) {
                require(sync, key, KioskBundles.SYNC_PROPERTIES);
            }
            VenueId.of(kiosk.getProperty("venue.id"));
            KioskId.of(kiosk.getProperty("kiosk.id"));
            for (String key : List.of("venue.id", "kiosk.id", "database.path")) {
                if (!kiosk.getProperty(key).equals(sync.getProperty(key))) {
                    throw new IllegalArgumentException(key + " differs between kiosk.properties and sync.properties");
                }
            }
            URI broker = URI.create(sync.getProperty("broker.uri"));
            if (!"ssl".equals(broker.getScheme()) || broker.getHost() == null) {
                throw new IllegalArgumentException("broker.uri must be ssl://HOST:PORT, not " + broker);
            }
            return schemeKey(Path.of(kiosk.getProperty("scheme.key.path")), dir.resolve(KioskBundles.KIOSK_PROPERTIES),
                    kiosk.getProperty("kiosk.id"));
        } catch (java.nio.file.NoSuchFileException e) {
            return CheckResult.fail("config", e.getFile() + " is missing", "re-install the kiosk's bundle from 'provision kiosk create'");
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.fail("config", e.getMessage(), "re-install the kiosk's bundle from 'provision kiosk create'");
        }
    }

    /**
     * The scheme key file (ADR 20): present, no permission beyond 0640, owned by the kiosk user (the
     * owner of kiosk.properties: install/kiosk.sh installs both for that user), and a well-formed key.
     */
    private static CheckResult schemeKey(Path key, Path kioskProperties, String kioskId) throws IOException {
        if (!Files.isReadable(key)) {
            return CheckResult.fail("config", "scheme key " + key + " is missing or unreadable",
                    "install the council's scheme key there (install/kiosk.sh --scheme-key FILE: mode 0600, owned by the kiosk user)");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(key);
        String mode = PosixFilePermissions.toString(permissions);
        if (!mode.endsWith("---")) {
            return CheckResult.fail("config", "scheme key " + key + " is readable by others (" + mode + ")", "chmod 600 " + key);
        }
        if (!PosixFilePermissions.fromString("rw-r-----").containsAll(permissions)) {
            return CheckResult.fail("config", "scheme key " + key + " is mode " + mode + ", wider than 0640 (rw-r-----)", "chmod 600 " + key);
        }
        String owner = Files.getOwner(key).getName();
        String kioskUser = Files.getOwner(kioskProperties).getName();
        if (!owner.equals(kioskUser)) {
            return CheckResult.fail("config", "scheme key " + key + " is owned by " + owner + ", not by " + kioskUser
                    + " (the owner of " + kioskProperties.getFileName() + ", the kiosk user)", "chown " + kioskUser + " " + key);
        }
        try {
            SchemeKeyFiles.load(key);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail("config", "scheme key " + key + " is not a scheme key: " + e.getMessage(),
                    "install the council's scheme key file as made by 'provision scheme-key create' (64 hex digits)");
        }
        return CheckResult.pass("config", "kiosk " + kioskId + " valid; scheme key " + key + " mode " + octal(permissions));
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission permission : permissions) {
            bits |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", bits);
    }

    CheckResult certificates(Properties sync) {
        try {
            X509Certificate ca = Pem.readCertificate(Path.of(sync.getProperty("tls.ca-cert")));
            X509Certificate cert = Pem.readCertificate(Path.of(sync.getProperty("tls.client-cert")));
            PrivateKey key = Pem.readPrivateKey(Path.of(sync.getProperty("tls.client-key")));
            String fix = "re-issue with 'provision kiosk create' (see docs/operations.md, rotating certificates)";
            try {
                cert.verify(ca.getPublicKey());
            } catch (java.security.GeneralSecurityException e) {
                return CheckResult.fail("certificates", "kiosk certificate was not signed by " + sync.getProperty("tls.ca-cert"), fix);
            }
            CheckResult revoked = revocation(Path.of(sync.getProperty("tls.ca-cert")), ca, cert);
            if (revoked != null) {
                return revoked;
            }
            Instant notAfter = cert.getNotAfter().toInstant();
            Instant now = clock.instant();
            if (notAfter.isBefore(now) || cert.getNotBefore().toInstant().isAfter(now)) {
                return CheckResult.fail("certificates", "kiosk certificate is not valid now (" + cert.getNotBefore().toInstant() + " to " + notAfter + ")", fix);
            }
            if (notAfter.isBefore(now.plus(options.expiryWarning()))) {
                return CheckResult.fail("certificates", "kiosk certificate expires " + notAfter, fix);
            }
            if (ca.getNotAfter().toInstant().isBefore(now.plus(options.expiryWarning()))) {
                return CheckResult.fail("certificates", "CA certificate expires " + ca.getNotAfter().toInstant(), "plan a CA rotation (docs/operations.md)");
            }
            if (!sync.getProperty("kiosk.id").equals(CertificateAuthority.commonName(cert.getSubjectX500Principal()))) {
                return CheckResult.fail("certificates", "certificate CN is not the kiosk id " + sync.getProperty("kiosk.id"), fix);
            }
            if (!KioskBundles.matches(key, cert)) {
                return CheckResult.fail("certificates", "tls.client-key does not belong to tls.client-cert", fix);
            }
            return CheckResult.pass("certificates", "kiosk certificate valid until " + notAfter + ", signed by the scheme CA");
        } catch (IOException | RuntimeException e) {
            return CheckResult.fail("certificates", "cannot read: " + e.getMessage(), "re-install the bundle's kiosk.crt, kiosk.key and ca.crt");
        }
    }

    /**
     * When the scheme CA's {@code crl.pem} lies beside the kiosk's {@code ca.crt} (copied from the
     * CA directory), a FAIL if it lists the kiosk's certificate, else null. A list not signed by
     * the CA is a FAIL too: it proves nothing.
     */
    private static CheckResult revocation(Path caCert, X509Certificate ca, X509Certificate cert) throws IOException {
        Path file = caCert.resolveSibling(RevocationList.CRL_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        X509CRL crl;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            crl.verify(ca.getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            return CheckResult.fail("certificates", file + " is not a revocation list signed by the scheme CA (" + e.getMessage() + ")",
                    "copy crl.pem from the CA directory again, or remove it");
        }
        X509CRLEntry entry = crl.getRevokedCertificate(cert);
        if (entry == null) {
            return null;
        }
        return CheckResult.fail("certificates", "kiosk certificate (serial " + cert.getSerialNumber().toString(16)
                + ") was revoked by the scheme CA's CRL " + file + " on " + entry.getRevocationDate().toInstant(),
                WITHDRAWN);
    }

    /**
     * Logs in to the broker as the kiosk's diagnostics identity ({@code <kiosk>.diag}, ADR 18): a
     * TLS handshake with {@code diag.crt} (beside the kiosk's certificate), then an MQTT CONNECT
     * under its own client id. The ACL lets that identity publish and subscribe nothing, and the
     * kiosk's own session is never touched, so a running sync agent is not disturbed.
     */
    CheckResult broker(Properties sync) {
        URI uri = URI.create(sync.getProperty("broker.uri"));
        int port = uri.getPort() > 0 ? uri.getPort() : 8883;
        String where = uri.getHost() + ":" + port;
        Path clientCert = Path.of(sync.getProperty("tls.client-cert"));
        Path diagCert = clientCert.resolveSibling(KioskBundles.DIAG_CERT);
        Path diagKey = clientCert.resolveSibling(KioskBundles.DIAG_KEY);
        if (!Files.isReadable(diagCert) || !Files.isReadable(diagKey)) {
            return CheckResult.fail("broker", "no diagnostics certificate " + diagCert + " (the doctor never logs in as the kiosk:"
                    + " that would take over the sync agent's session)", "run 'provision kiosk create' or 'kiosk bulk' again"
                    + " (it adds diag.crt and diag.key to the bundle) and install the bundle");
        }
        String identity = KioskBundles.diagnosticsName(sync.getProperty("kiosk.id"));
        try {
            MqttProbe probe = new MqttProbe(Pem.readCertificate(Path.of(sync.getProperty("tls.ca-cert"))),
                    Pem.readCertificate(diagCert), Pem.readPrivateKey(diagKey), options.brokerTimeout());
            long start = System.nanoTime();
            int reason = probe.connect(uri.getHost(), port, identity);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (reason != MqttProbe.SUCCESS) {
                return CheckResult.fail("broker", where + " refused the MQTT connection: " + MqttProbe.describe(reason),
                        "check the broker's ACL and that it trusts the scheme CA (provision broker config)");
            }
            return CheckResult.pass("broker", where + " accepted " + identity + " (CONNACK success, " + millis
                    + " ms; the kiosk's own session untouched)");
        } catch (java.net.ConnectException | java.net.UnknownHostException | java.net.SocketTimeoutException e) {
            return CheckResult.fail("broker", where + " unreachable: " + e.getMessage(),
                    "check the network, DNS and firewall (TCP " + port + " outbound), and that mosquitto runs");
        } catch (javax.net.ssl.SSLException e) {
            return tlsRefusal(where, uri.getHost(), e);
        } catch (java.net.SocketException | java.io.EOFException e) {
            return closedOnUs(where, identity, sync, diagCert, e);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            return CheckResult.fail("broker", where + " " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "read the broker's log (journalctl -u mosquitto) for this kiosk's connection");
        }
    }

    /**
     * The broker closed the connection during or just after the handshake, before its TLS alert
     * could be read (the alert races the client's next write). A certificate that is signed by the
     * bundle's CA and current is then refused for one reason the kiosk cannot see: the broker's CRL.
     */
    private CheckResult closedOnUs(String where, String identity, Properties sync, Path diagCert, IOException e) {
        String fix = "the certificate must come from the CA the broker trusts, be current and not revoked; the broker's log says which";
        try {
            X509Certificate ca = Pem.readCertificate(Path.of(sync.getProperty("tls.ca-cert")));
            X509Certificate diag = Pem.readCertificate(diagCert);
            diag.verify(ca.getPublicKey());
            diag.checkValidity(java.util.Date.from(clock.instant()));
            return CheckResult.fail("broker", where + " closed the connection in the TLS handshake (" + e.getMessage() + ") although "
                    + identity + "'s certificate is current and signed by the scheme CA: it is revoked by the scheme CA's CRL"
                    + " the broker holds ('provision ca revoke'), unless the broker trusts another CA", WITHDRAWN
                    + " (if nothing was revoked: check the broker's cafile, 'provision broker config --ca')");
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException unreadable) {
            return CheckResult.fail("broker", where + " closed the connection in the TLS handshake (" + e.getMessage()
                    + "): it refused " + identity + "'s certificate", fix);
        }
    }

    /** Says why a handshake failed: the TLS alert the broker sent names a revoked, expired or unknown certificate. */
    private static CheckResult tlsRefusal(String where, String host, javax.net.ssl.SSLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("certificate_revoked")) {
            return CheckResult.fail("broker", where + " refused the certificate as revoked (TLS alert certificate_revoked):"
                    + " revoked by the scheme CA's CRL the broker holds ('provision ca revoke')",
                    WITHDRAWN);
        }
        if (message.contains("certificate_expired")) {
            return CheckResult.fail("broker", where + " refused the certificate as expired (TLS alert certificate_expired)",
                    "re-issue with 'provision kiosk create' (see docs/operations.md, rotating certificates)");
        }
        if (message.contains("unknown_ca") || message.contains("bad_certificate")) {
            return CheckResult.fail("broker", where + " refused the certificate (TLS alert: " + message + "): it does not"
                    + " trust the CA that signed it", "the bundle must come from the CA the broker trusts (provision broker config --ca)");
        }
        return CheckResult.fail("broker", where + " TLS failed: " + message,
                "the broker must use a certificate from the scheme CA naming " + host + ", and trust the kiosk's CA");
    }

    CheckResult clockOffset() {
        if (options.timeUrl() == null) {
            return CheckResult.skip("clock", "skipped: no --time-url given (Mosquitto sends no time); "
                    + "check 'timedatectl' shows System clock synchronized: yes");
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(options.brokerTimeout()).build();
            Instant before = clock.instant();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(options.timeUrl()).method("HEAD",
                    HttpRequest.BodyPublishers.noBody()).timeout(options.brokerTimeout()).build(), HttpResponse.BodyHandlers.discarding());
            Instant after = clock.instant();
            String date = response.headers().firstValue("Date").orElse(null);
            if (date == null) {
                return CheckResult.skip("clock", "skipped: " + options.timeUrl() + " sent no Date header");
            }
            Instant remote = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant local = before.plus(Duration.between(before, after).dividedBy(2));
            Duration offset = Duration.between(remote, local).abs();
            if (offset.compareTo(Duration.ofSeconds(5)) > 0) {
                return CheckResult.fail("clock", "local clock is " + offset.toSeconds() + " s off " + options.timeUrl(),
                        "enable time sync: sudo timedatectl set-ntp true (systemd-timesyncd)");
            }
            return CheckResult.pass("clock", "within " + Math.max(1, offset.toSeconds()) + " s of " + options.timeUrl() + " (1 s resolution)");
        } catch (IOException | RuntimeException e) {
            return CheckResult.skip("clock", "skipped: cannot reach " + options.timeUrl() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.skip("clock", "skipped: interrupted");
        }
    }

    CheckResult disk(Path database) {
        Path dir = database.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            long mb = free / (1024 * 1024);
            if (free < options.minFreeBytes()) {
                return CheckResult.fail("disk", mb + " MB free at " + dir + ", below the budget of "
                        + options.minFreeBytes() / (1024 * 1024) + " MB", "free space (journalctl --vacuum-size=100M) or a bigger disk");
            }
            return CheckResult.pass("disk", mb + " MB free at " + dir);
        } catch (IOException | NullPointerException e) {
            return CheckResult.fail("disk", "cannot read free space for " + database, "check that the data directory exists");
        }
    }

    CheckResult database(Path database) {
        Integrity integrity = KioskDbFiles.checkIntegrity(database, KioskDb.Role.DOCTOR);
        if (integrity instanceof Integrity.Absent) {
            return CheckResult.skip("database", database + " does not exist yet (the kiosk creates it at first start)");
        }
        String fix = "stop the kiosk, keep a copy of the file, and let the kiosk recover it (docs/operations.md)";
        if (integrity instanceof Integrity.Damaged damaged) {
            return CheckResult.fail("database", database + " integrity_check: " + damaged.findings().get(0), fix);
        }
        if (integrity instanceof Integrity.Unreadable unreadable) {
            return CheckResult.fail("database", database + ": " + unreadable.reason(), fix);
        }
        return CheckResult.pass("database", database + " integrity_check ok");
    }

    private static void load(Path file, Properties into) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(in);
        }
    }

    private static void require(Properties properties, String key, String file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + ": " + key + " is missing");
        }
    }
}
