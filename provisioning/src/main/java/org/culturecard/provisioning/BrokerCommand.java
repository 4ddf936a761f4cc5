package org.culturecard.provisioning;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.culturecard.provisioning.broker.BrokerConfig;
import org.culturecard.provisioning.ca.IssuingAuthority;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provision broker config}: Mosquitto's config, ACL and certificates. */
@Command(name = "broker", mixinStandardHelpOptions = true, description = "The MQTT broker (Mosquitto).",
        subcommands = {BrokerCommand.Config.class})
final class BrokerCommand {

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = {"Writes mosquitto.conf (TLS listener, client certificates required, CN as user name, explicit queue"
                    + " limits, persistence, the CA's revocation list if any), the ACL, the broker's key and certificate (SAN 127.0.0.1, localhost and every --host),"
                    + " ca.crt, and central's client certificate in OUT/central/."},
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

        @Option(names = "--bundles", description = "Kiosk bundles directory: one ACL rule per kiosk for its own venue's config.")
        Path bundles;

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
            BrokerConfig.Written written = new BrokerConfig(authority).write(out, new BrokerConfig.Options(port, bind,
                    centralPort == null ? port + 1 : centralPort, centralBind, hosts,
                    installDir.toAbsolutePath(), persistenceDir.toAbsolutePath(), bundles, Duration.ofDays(days),
                    java.nio.file.Files.isRegularFile(crl()) ? crl() : null));
            System.out.println("Wrote " + written.conf() + " and " + written.acl()
                    + (bundles == null ? " (venue config readable by every kiosk: use --bundles for per-kiosk rules)"
                    : " (" + written.kioskRules() + " kiosks with per-venue config rules)"));
            System.out.println("Central's client certificate: " + written.centralDir() + "; central connects to "
                    + centralBind + ":" + (centralPort == null ? port + 1 : centralPort) + ", kiosks to port " + port);
            System.out.println("Install: copy " + out + " to " + installDir + " on the broker host (install/central.sh does it).");
            return ProvisionMain.OK;
        }
    }
}
