package org.culturecard.provisioning.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.Issued;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Topics;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.culturecard.provisioning.kiosk.KioskRegistry;

/**
 * Writes what a Mosquitto broker needs to serve the scheme: {@code mosquitto.conf} with two TLS
 * listeners that require a client certificate and take the certificate's CN as the user name; the
 * ACL file; the broker's own key and certificate; and central's client certificate (CN
 * {@value #CENTRAL}).
 *
 * <p>Two listeners, because a client id is not an identity: on the kiosks' listener Mosquitto
 * replaces every client id with the certificate's CN ({@code use_username_as_clientid}), so a kiosk
 * certificate cannot connect under another kiosk's client id (session takeover). Central needs
 * several connections under one certificate, so it has its own listener, on loopback by default,
 * which trusts only central's own CA (ADR 17): Mosquitto 2.0 has no CN allow-list, and a kiosk
 * certificate from the scheme CA must not reach the listener where client ids are not replaced.
 *
 * <p>The ACL is made from the kiosk registry ({@link KioskRegistry}, ADR 6): per kiosk, one exact
 * write rule under its own venue and id, its own acks, its venue's config and the scheme's enrolled-card
 * filter (read only: central alone writes it); for its diagnostics
 * identity ({@code <kiosk>.diag}, ADR 18) nothing at all. There is no {@code pattern} rule, so no
 * kiosk can write under another venue. Without a registry nothing is written.
 *
 * <p>Limits are explicit (ADR 7): a packet just above the largest legal message, and per-client
 * queues sized so that QoS 1 messages are not dropped silently under load.
 */
public final class BrokerConfig {
    public static final String CENTRAL = "central";
    public static final String CONF = "mosquitto.conf";
    public static final String ACL = "acl";
    public static final String SERVER_KEY = "server.key";
    public static final String SERVER_CERT = "server.crt";
    public static final String CA_CERT = "ca.crt";
    /** Central's listener's {@code cafile}: the central CA's certificate only. */
    public static final String CENTRAL_CA_CERT = "central-ca.crt";
    public static final String CRL = "crl.pem";
    /** The central CA's directory inside the scheme CA's, unless {@code --central-ca} names another. */
    public static final String CENTRAL_CA_DIR = "central-ca";

    /**
     * The largest MQTT packet the broker takes, in bytes: the largest legal message (a venue config
     * at its limits, see {@code BrokerLimitsTest}) with its topic and properties, rounded up. A
     * client sending a bigger packet is disconnected.
     */
    public static final int MAX_PACKET_SIZE = 656 * 1024;
    /** QoS 1 and 2 messages in flight per client (Mosquitto's default of 20 drops messages under load). */
    public static final int MAX_INFLIGHT_MESSAGES = 100;
    /** Messages queued per client while it is offline or busy, beyond those in flight. */
    public static final int MAX_QUEUED_MESSAGES = 100_000;
    /** Bytes queued per client: 256 MiB (central's shared subscription while central restarts). */
    public static final long MAX_QUEUED_BYTES = 256L * 1024 * 1024;

    /**
     * @param port           the kiosks' TLS listener's port
     * @param bind           the address kiosks reach, or null for every interface
     * @param centralPort    central's TLS listener's port
     * @param centralBind    the address of central's listener (loopback when central runs on the broker host)
     * @param hosts          extra DNS names or IPs for the server certificate (127.0.0.1 and localhost always)
     * @param installDir     where these files will live on the broker host (the config names files there)
     * @param persistenceDir Mosquitto's persistence directory (owned by user mosquitto)
     * @param registry       the kiosk registry the ACL is made from
     * @param validity       the server and central certificates' validity
     * @param crl            the scheme CA's revocation list (from {@code ca revoke}), or null when nothing is revoked
     * @param centralCa      the central CA's directory: created on the first run, used as it is afterwards
     */
    public record Options(int port, String bind, int centralPort, String centralBind, List<String> hosts,
            Path installDir, Path persistenceDir, KioskRegistry registry, Duration validity, Path crl, Path centralCa) {
        /** Central's listener by default: the next port, on loopback (central runs on the broker host). */
        public static final String CENTRAL_BIND = "127.0.0.1";

        public Options {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, not " + port);
            }
            if (centralPort < 1 || centralPort > 65535 || centralPort == port) {
                throw new IllegalArgumentException("central's port must be 1-65535 and not the kiosks' port " + port
                        + ", not " + centralPort);
            }
            Objects.requireNonNull(registry, "registry: the ACL is made from the kiosk registry (--bundles)");
            Objects.requireNonNull(centralCa, "centralCa");
            hosts = List.copyOf(hosts);
        }
    }

    /** What was written, for the command's summary. */
    public record Written(Path conf, Path acl, int kiosks, Path centralDir, boolean groupSet, boolean centralCaCreated) {}

    private final IssuingAuthority ca;

    public BrokerConfig(IssuingAuthority ca) {
        this.ca = ca;
    }

    /**
     * Writes every file under {@code out}.
     *
     * @throws IOException when the registry is missing or holds a bad id (nothing is written then)
     */
    public Written write(Path out, Options options) throws IOException {
        Map<KioskId, VenueId> kiosks = options.registry().kiosks();
        boolean created = !Files.exists(options.centralCa().resolve(CertificateAuthority.CERT_FILE));
        if (created) {
            new CertificateAuthority(Clock.systemUTC(), new SecureRandom())
                    .init(options.centralCa(), "Culture Card Central Listener CA", Duration.ofDays(3650));
        }
        IssuingAuthority centralCa = IssuingAuthority.load(options.centralCa(), Clock.systemUTC(), new SecureRandom());
        BrokerFiles files = BrokerFiles.forThisMachine();
        files.directory(out);
        List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost"));
        options.hosts().stream().filter(h -> !names.contains(h)).forEach(names::add);
        String cn = options.hosts().isEmpty() ? "culturecard-broker" : options.hosts().get(0);
        Issued server = ca.issueServer(cn, names, options.validity());
        Pem.writePrivateKey(out.resolve(SERVER_KEY), server.keyPair().getPrivate(), BrokerFiles.FILE);
        Pem.writeCertificate(out.resolve(SERVER_CERT), server.certificate(), BrokerFiles.FILE);
        Pem.writeCertificate(out.resolve(CA_CERT), ca.certificate(), BrokerFiles.FILE);
        Pem.writeCertificate(out.resolve(CENTRAL_CA_CERT), centralCa.certificate(), BrokerFiles.FILE);
        if (options.crl() != null) {
            Pem.writeText(out.resolve(CRL), Files.readString(options.crl(), StandardCharsets.US_ASCII), BrokerFiles.FILE);
        } else {
            Files.deleteIfExists(out.resolve(CRL));
        }
        Pem.writeText(out.resolve(ACL), acl(kiosks), BrokerFiles.FILE);
        Pem.writeText(out.resolve(CONF), conf(options), BrokerFiles.FILE);
        for (String name : List.of(SERVER_KEY, SERVER_CERT, CA_CERT, CENTRAL_CA_CERT, ACL, CONF)) {
            files.file(out.resolve(name));
        }
        if (options.crl() != null) {
            files.file(out.resolve(CRL));
        }
        Path central = out.resolve(CENTRAL);
        Files.createDirectories(central);
        Files.setPosixFilePermissions(central, PosixFilePermissions.fromString("rwx------"));
        Issued centralCert = centralCa.issueClient(CENTRAL, options.validity());
        Pem.writePrivateKey(central.resolve("central.key"), centralCert.keyPair().getPrivate());
        Pem.writeCertificate(central.resolve("central.crt"), centralCert.certificate(), Pem.OWNER_ONLY);
        Pem.writeCertificate(central.resolve(CA_CERT), ca.certificate(), Pem.OWNER_ONLY);
        return new Written(out.resolve(CONF), out.resolve(ACL), kiosks.size(), central, files.groupSet(), created);
    }

    /**
     * Rewrites only the ACL in {@code out} from the registry (after {@code kiosk move}), with the
     * same access for the broker as {@link #write}; Mosquitto reads it again on SIGHUP.
     */
    public static Path rewriteAcl(Path out, KioskRegistry registry) throws IOException {
        Path file = out.resolve(ACL);
        if (!Files.isRegularFile(out.resolve(CONF))) {
            throw new IOException(out + " holds no " + CONF + ": give the directory 'provision broker config --out' wrote");
        }
        Pem.writeText(file, acl(registry.kiosks()), BrokerFiles.FILE);
        BrokerFiles.forThisMachine().file(file);
        return file;
    }

    /** The Mosquitto config text. */
    public static String conf(Options options) {
        Path dir = options.installDir();
        return String.join("\n",
                "# Culture Card broker, written by 'provision broker config'. Mosquitto 2.0.",
                "per_listener_settings false",
                "allow_anonymous false",
                "acl_file " + dir.resolve(ACL),
                "# Limits (ADR 7). A packet just above the largest legal message (a venue config at its limits);",
                "# a client that sends a bigger one is disconnected. Mosquitto's queue defaults (20 in flight,",
                "# 1000 queued) silently drop QoS 1 messages under load; nothing is lost past these limits either,",
                "# because a kiosk keeps every check-in until central's acknowledgement.",
                "max_packet_size " + MAX_PACKET_SIZE,
                "max_inflight_messages " + MAX_INFLIGHT_MESSAGES,
                "max_queued_messages " + MAX_QUEUED_MESSAGES,
                "max_queued_bytes " + MAX_QUEUED_BYTES,
                "persistence true",
                "persistence_location " + options.persistenceDir() + "/",
                "autosave_interval 60",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "connection_messages true",
                "log_timestamp_format %Y-%m-%dT%H:%M:%S",
                "",
                "# Kiosks: certificates from the scheme CA. The client id is replaced by the certificate's CN,",
                "# so no kiosk can take over another's session.",
                "listener " + options.port() + (options.bind() == null ? "" : " " + options.bind()),
                tls(dir, CA_CERT),
                options.crl() == null ? "# no crlfile: no certificate has been revoked ('provision ca revoke')"
                        : "crlfile " + dir.resolve(CRL),
                "use_username_as_clientid true",
                "",
                "# Central (ingest workers, fleet, config: several client ids under one certificate). It trusts",
                "# only central's own CA, so no kiosk certificate connects here (ADR 17). Keep it off the network",
                "# kiosks can reach: loopback, or a private interface behind a firewall.",
                "listener " + options.centralPort() + " " + options.centralBind(),
                tls(dir, CENTRAL_CA_CERT),
                "");
    }

    /** The TLS lines of a listener: the CA it trusts for clients, the broker's certificate, identity from the CN. */
    private static String tls(Path dir, String cafile) {
        return String.join("\n",
                "protocol mqtt",
                "cafile " + dir.resolve(cafile),
                "certfile " + dir.resolve(SERVER_CERT),
                "keyfile " + dir.resolve(SERVER_KEY),
                "tls_version tlsv1.2",
                "require_certificate true",
                "use_identity_as_username true");
    }

    /** The scheme-wide enrolled-card filter's chunks (issue 13): central writes them, every kiosk reads them. */
    static final String ENROLLED_FILTER = Topics.filterChunks(FilterScope.SCHEME);

    /** The ACL text for the registry's kiosks (kiosk id to venue id). */
    public static String acl(Map<KioskId, VenueId> kiosks) {
        StringBuilder text = new StringBuilder();
        text.append("# Culture Card ACL, written by 'provision broker config' from the kiosk registry.\n")
                .append("# The user name is the client certificate's CN: a kiosk id, '<kiosk>.diag' or 'central'.\n")
                .append("# No 'pattern' rule: each kiosk writes only under its own venue and id (ADR 6).\n\n")
                .append("# Central: reads everything kiosks send, writes acks, venue configs and the enrolled-card filter.\n")
                .append("user ").append(CENTRAL).append('\n')
                .append("topic read culturecard/v1/+/+/up/#\n")
                .append("topic write culturecard/v1/+/+/down/#\n")
                .append("topic readwrite culturecard/v1/+/down/config\n")
                .append("topic readwrite ").append(ENROLLED_FILTER).append('\n');
        kiosks.forEach((kiosk, venue) -> {
            String root = "culturecard/v1/" + venue.value() + "/";
            text.append("\n# ").append(kiosk.value()).append(" at ").append(venue.value()).append('\n')
                    .append("user ").append(kiosk.value()).append('\n')
                    .append("topic write ").append(root).append(kiosk.value()).append("/up/#\n")
                    .append("topic read ").append(root).append(kiosk.value()).append("/down/#\n")
                    .append("topic read ").append(root).append("down/config\n")
                    .append("topic read ").append(ENROLLED_FILTER).append('\n')
                    .append("# its doctor: may connect, and publish and subscribe nothing (ADR 18)\n")
                    .append("user ").append(KioskBundles.diagnosticsName(kiosk.value())).append('\n');
        });
        return text.toString();
    }
}
