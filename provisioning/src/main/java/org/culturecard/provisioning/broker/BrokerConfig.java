package org.culturecard.provisioning.broker;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.culturecard.provisioning.ca.Issued;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.kiosk.KioskBundles;

/**
 * Writes what a Mosquitto broker needs to serve the scheme: {@code mosquitto.conf} with two TLS
 * listeners that require a client certificate from the scheme's CA and take the certificate's CN
 * as the user name; the ACL file; the broker's own key and certificate; and central's client
 * certificate (CN {@value #CENTRAL}).
 *
 * <p>Two listeners, because a client id is not an identity: on the kiosks' listener Mosquitto
 * replaces every client id with the certificate's CN ({@code use_username_as_clientid}), so a kiosk
 * certificate cannot connect under another kiosk's client id and push that kiosk off the broker
 * (session takeover). Central needs several connections (ingest workers, fleet, config) under one
 * certificate, so it has its own listener, by default on loopback only, without that rule.
 *
 * <p>The ACL: a kiosk (user = CN = kiosk id) may write only {@code culturecard/v1/+/<kiosk>/up/#}
 * and read only {@code culturecard/v1/+/<kiosk>/down/#} plus its venue's config. Mosquitto's
 * {@code pattern} lines can substitute the user name but not the venue, so with kiosk bundles at
 * hand the venue config rule is one {@code user} block per kiosk; without them it falls back to
 * {@code pattern read culturecard/v1/+/down/config}, which lets a kiosk read every venue's event
 * list (no personal data, but more than it needs), and says so in the file.
 *
 * <p>Queue limits are explicit: Mosquitto's defaults silently drop QoS 1 messages under load.
 */
public final class BrokerConfig {
    public static final String CENTRAL = "central";
    public static final String CONF = "mosquitto.conf";
    public static final String ACL = "acl";
    public static final String SERVER_KEY = "server.key";
    public static final String SERVER_CERT = "server.crt";
    public static final String CA_CERT = "ca.crt";
    public static final String CRL = "crl.pem";

    /**
     * @param port           the kiosks' TLS listener's port
     * @param bind           the address kiosks reach, or null for every interface
     * @param centralPort    central's TLS listener's port
     * @param centralBind    the address of central's listener (loopback when central runs on the broker host)
     * @param hosts          extra DNS names or IPs for the server certificate (127.0.0.1 and localhost always)
     * @param installDir     where these files will live on the broker host (the config names files there)
     * @param persistenceDir Mosquitto's persistence directory (owned by user mosquitto)
     * @param bundles        a directory of kiosk bundles for per-kiosk venue rules, or null
     * @param validity       the server and central certificates' validity
     * @param crl            the CA's revocation list (from {@code ca revoke}), or null when nothing is revoked
     */
    public record Options(int port, String bind, int centralPort, String centralBind, List<String> hosts,
            Path installDir, Path persistenceDir, Path bundles, Duration validity, Path crl) {
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
            hosts = List.copyOf(hosts);
        }

        /** Options with central's listener on the next port, on loopback. */
        public static Options withCentralOnLoopback(int port, String bind, List<String> hosts, Path installDir,
                Path persistenceDir, Path bundles, Duration validity, Path crl) {
            return new Options(port, bind, port + 1, CENTRAL_BIND, hosts, installDir, persistenceDir, bundles, validity, crl);
        }
    }

    /** What was written, for the command's summary. */
    public record Written(Path conf, Path acl, int kioskRules, Path centralDir) {}

    private final IssuingAuthority ca;

    public BrokerConfig(IssuingAuthority ca) {
        this.ca = ca;
    }

    public Written write(Path out, Options options) throws IOException {
        Files.createDirectories(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
        List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost"));
        options.hosts().stream().filter(h -> !names.contains(h)).forEach(names::add);
        String cn = options.hosts().isEmpty() ? "culturecard-broker" : options.hosts().get(0);
        Issued server = ca.issueServer(cn, names, options.validity());
        Pem.writePrivateKey(out.resolve(SERVER_KEY), server.keyPair().getPrivate());
        Pem.writeCertificate(out.resolve(SERVER_CERT), server.certificate(), "rw-r--r--");
        Pem.writeCertificate(out.resolve(CA_CERT), ca.certificate(), "rw-r--r--");
        if (options.crl() != null) {
            Pem.writeText(out.resolve(CRL), Files.readString(options.crl(), StandardCharsets.US_ASCII), "rw-r--r--");
        } else {
            Files.deleteIfExists(out.resolve(CRL));
        }
        Map<String, String> kioskVenues = options.bundles() == null ? Map.of() : kioskVenues(options.bundles());
        Pem.writeText(out.resolve(ACL), acl(kioskVenues, options.bundles() != null), "rw-r--r--");
        Pem.writeText(out.resolve(CONF), conf(options), "rw-r--r--");
        Path central = out.resolve(CENTRAL);
        Files.createDirectories(central);
        Files.setPosixFilePermissions(central, PosixFilePermissions.fromString("rwx------"));
        Issued centralCert = ca.issueClient(CENTRAL, options.validity());
        Pem.writePrivateKey(central.resolve("central.key"), centralCert.keyPair().getPrivate());
        Pem.writeCertificate(central.resolve("central.crt"), centralCert.certificate(), Pem.OWNER_ONLY);
        Pem.writeCertificate(central.resolve(CA_CERT), ca.certificate(), Pem.OWNER_ONLY);
        return new Written(out.resolve(CONF), out.resolve(ACL), kioskVenues.size(), central);
    }

    /** The Mosquitto config text. */
    public static String conf(Options options) {
        Path dir = options.installDir();
        return String.join("\n",
                "# Culture Card broker, written by 'provision broker config'. Mosquitto 2.0.",
                "per_listener_settings false",
                "allow_anonymous false",
                "acl_file " + dir.resolve(ACL),
                "# Mosquitto's defaults (20 in flight, 1000 queued) silently drop QoS 1 messages under load.",
                "max_inflight_messages 100",
                "max_queued_messages 100000",
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
                "# Kiosks. The client id is replaced by the certificate's CN, so no kiosk can take over another's session.",
                "listener " + options.port() + (options.bind() == null ? "" : " " + options.bind()),
                tls(dir, options),
                "use_username_as_clientid true",
                "",
                "# Central (ingest workers, fleet, config: several client ids under one certificate). Keep it off",
                "# the network kiosks can reach: loopback, or a private interface behind a firewall.",
                "listener " + options.centralPort() + " " + options.centralBind(),
                tls(dir, options),
                "");
    }

    /** The TLS lines both listeners share: the scheme CA, the broker's certificate, identity from the CN. */
    private static String tls(Path dir, Options options) {
        return String.join("\n",
                "protocol mqtt",
                "cafile " + dir.resolve(CA_CERT),
                "certfile " + dir.resolve(SERVER_CERT),
                "keyfile " + dir.resolve(SERVER_KEY),
                "tls_version tlsv1.2",
                "require_certificate true",
                "use_identity_as_username true",
                options.crl() == null ? "# no crlfile: no certificate has been revoked ('provision ca revoke')"
                        : "crlfile " + dir.resolve(CRL));
    }

    /** The ACL text; {@code kioskVenues} maps kiosk id to venue id. */
    public static String acl(Map<String, String> kioskVenues, boolean perKiosk) {
        StringBuilder text = new StringBuilder();
        text.append("# Culture Card ACL, written by 'provision broker config'.\n")
                .append("# The user name is the client certificate's CN: the kiosk id, or 'central'.\n\n")
                .append("# Every kiosk: writes only under its own id, reads only its own acks.\n")
                .append("pattern write culturecard/v1/+/%u/up/#\n")
                .append("pattern read culturecard/v1/+/%u/down/#\n");
        if (!perKiosk) {
            text.append("# Venue config: Mosquitto patterns cannot name a kiosk's venue, so every kiosk may read\n")
                    .append("# every venue's config (event lists, no personal data). Re-run with --bundles DIR for\n")
                    .append("# one rule per kiosk instead.\n")
                    .append("pattern read culturecard/v1/+/down/config\n");
        }
        text.append("\n# Central: reads everything kiosks send, writes acks and venue configs.\n")
                .append("user ").append(CENTRAL).append('\n')
                .append("topic read culturecard/v1/+/+/up/#\n")
                .append("topic write culturecard/v1/+/+/down/#\n")
                .append("topic readwrite culturecard/v1/+/down/config\n");
        if (perKiosk) {
            text.append("\n# Each kiosk reads its own venue's config.\n");
            kioskVenues.forEach((kiosk, venue) -> text.append("user ").append(kiosk).append('\n')
                    .append("topic read culturecard/v1/").append(venue).append("/down/config\n"));
        }
        return text.toString();
    }

    /** Kiosk id to venue id, from the kiosk.properties of every bundle under {@code bundles}. */
    static Map<String, String> kioskVenues(Path bundles) throws IOException {
        Map<String, String> venues = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(bundles)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path file = dir.resolve(KioskBundles.KIOSK_PROPERTIES);
                if (Files.isRegularFile(file)) {
                    Properties properties = new Properties();
                    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        properties.load(in);
                    }
                    String kiosk = properties.getProperty("kiosk.id");
                    String venue = properties.getProperty("venue.id");
                    if (kiosk != null && venue != null) {
                        venues.put(kiosk, venue);
                    }
                }
            }
        }
        return venues;
    }
}
