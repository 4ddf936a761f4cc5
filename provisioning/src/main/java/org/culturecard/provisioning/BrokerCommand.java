package org.culturecard.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.culturecard.provisioning.broker.BrokerConfig;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.kiosk.KioskRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provision broker config}: Mosquitto's config, ACL and certificates. */
@Command(name = "broker", mixinStandardHelpOptions = true, description = "The MQTT broker (Mosquitto).",
        subcommands = {BrokerCommand.Config.class})
final class BrokerCommand {

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = {"Writes mosquitto.conf (two TLS listeners, client certificates required, CN as user name, packet and"
                    + " queue limits, persistence, the CA's revocation list if any), the ACL made from the kiosk registry (--bundles:"
                    + " one exact rule per kiosk), the broker's key and certificate (SAN 127.0.0.1, localhost and every --host),"
                    + " ca.crt, central-ca.crt (central's listener trusts only it), and central's client certificate in OUT/central/."
                    + " Files are 0640 and the directory 0750, group mosquitto when that group exists."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:failed", "2:bad usage"})
    static final class Config implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "Where to write the files.")
        Path out;

        @Option(names = "--ca", required = true, description = "The CA directory (from 'ca init').")
        Path ca;

        @Option(names = "--port", defaultValue = "8883", description = "The kiosks' TLS listener's port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--bind", description = "Listen for kiosks on this address only (default: every interface).")
        String bind;

        @Option(names = "--central-port", description = "Central's TLS listener's port (default: the kiosks' port + 1).")
        Integer centralPort;

        @Option(names = "--central-bind", defaultValue = BrokerConfig.Options.CENTRAL_BIND,
                description = "Central's listener's address; keep it away from kiosks (default: ${DEFAULT-VALUE}).")
        String centralBind;

        @Option(names = "--host", description = "A DNS name or IP kiosks use for the broker (repeatable); the first is the certificate's CN.")
        List<String> hosts = new ArrayList<>();

        @Option(names = "--bundles", required = true,
                description = "The kiosk registry: the bundles directory of 'kiosk create' / 'kiosk bulk' (each kiosk's venue).")
        Path bundles;

        @Option(names = "--central-ca", description = "Central's own CA for its listener; created there on the first run"
                + " (default: CA/" + BrokerConfig.CENTRAL_CA_DIR + ").")
        Path centralCa;

        @Option(names = "--install-dir", defaultValue = "/etc/mosquitto/culturecard",
                description = "Where these files will be on the broker host (default: ${DEFAULT-VALUE}).")
        Path installDir;

        @Option(names = "--persistence-dir", defaultValue = "/var/lib/mosquitto",
                description = "Mosquitto's persistence directory, owned by user mosquitto (default: ${DEFAULT-VALUE}).")
        Path persistenceDir;

        @Option(names = "--days", defaultValue = "825", description = "Certificate validity in days (default: ${DEFAULT-VALUE}).")
        int days;

        private Path crl() {
            return ca.resolve(org.culturecard.provisioning.ca.RevocationList.CRL_FILE);
        }

        @Override
        public Integer call() throws IOException {
            IssuingAuthority authority = IssuingAuthority.load(ca, Clock.systemUTC(), new SecureRandom());
            int central = centralPort == null ? port + 1 : centralPort;
            BrokerConfig.Written written;
            try {
                written = new BrokerConfig(authority).write(out, new BrokerConfig.Options(port, bind, central, centralBind,
                        hosts, installDir.toAbsolutePath(), persistenceDir.toAbsolutePath(), new KioskRegistry(bundles),
                        Duration.ofDays(days), Files.isRegularFile(crl()) ? crl() : null,
                        centralCa == null ? ca.resolve(BrokerConfig.CENTRAL_CA_DIR) : centralCa));
            } catch (IOException e) {
                System.err.println("Nothing written: " + e.getMessage());
                return ProvisionMain.FAILED;
            }
            System.out.println("Wrote " + written.conf() + " and " + written.acl() + " (" + written.kiosks()
                    + " kiosks, one exact rule each, from " + bundles + ")");
            System.out.println((written.centralCaCreated() ? "Created central's CA in " : "Central's CA: ")
                    + (centralCa == null ? ca.resolve(BrokerConfig.CENTRAL_CA_DIR) : centralCa)
                    + "; central's client certificate: " + written.centralDir());
            System.out.println("Central connects to " + centralBind + ":" + central + ", kiosks to port " + port);
            System.out.println(written.groupSet() ? "Files are 0640, group mosquitto (directory 0750)."
                    : "No group mosquitto on this machine: files are 0640 with your group; install/central.sh makes them root:mosquitto.");
            System.out.println("Install: copy " + out + " to " + installDir
                    + " on the broker host (install/central.sh does it), then reload Mosquitto.");
            return ProvisionMain.OK;
        }
    }
}
