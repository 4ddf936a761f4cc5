package org.culturecard.provisioning;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.provisioning.broker.BrokerConfig;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.internal.central.CentralApi;
import org.culturecard.provisioning.kiosk.BundleOptions;
import org.culturecard.provisioning.kiosk.BundleOutcome;
import org.culturecard.provisioning.kiosk.internal.CentralKioskClient;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.culturecard.provisioning.kiosk.KioskRegistry;
import org.culturecard.provisioning.kiosk.KioskSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code provision kiosk create|bulk|register|move}: kiosk bundles, one or thousands, and the kiosk
 * registry they make (ADR 6), given to central and to the broker's ACL.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true, description = "Kiosk identities, bundles and the kiosk registry.",
        subcommands = {KioskCommand.Create.class, KioskBulkCommand.class, KioskCommand.Register.class, KioskCommand.Move.class})
final class KioskCommand {

    /** Central's admin API, to give it the registry. */
    static final class Central {
        @Option(names = "--central", required = true, description = "Central's URL, e.g. https://central.example:8080.")
        URI url;

        @Option(names = "--token-file", required = true, description = "A file holding one of central's admin API tokens (one line, mode 0600).")
        Path tokenFile;

        CentralKioskClient client() throws IOException {
            return new CentralKioskClient(url, CentralApi.readToken(tokenFile));
        }
    }

    /** Options every bundle of a run shares. */
    static final class Shared {
        @Option(names = "--ca", required = true, description = "The CA directory (from 'ca init').")
        Path ca;

        @Option(names = "--out", required = true, description = "Where bundles go: one directory per kiosk.")
        Path out;

        @Option(names = "--broker", description = "The broker's URL (default: ${DEFAULT-VALUE}).", defaultValue = "ssl://broker.culturecard.local:8883")
        URI broker;

        @Option(names = "--scheme-key", description = "Path of the scheme's HMAC key file ON THE KIOSK; the key itself is never put in a bundle (default: ${DEFAULT-VALUE}).",
                defaultValue = "/etc/culturecard/scheme.key")
        Path schemeKey;

        @Option(names = "--install-dir", description = "Where the bundle's files will be on the kiosk (default: ${DEFAULT-VALUE}).", defaultValue = "/etc/culturecard")
        Path installDir;

        @Option(names = "--data-dir", description = "Where the kiosk keeps its database (default: ${DEFAULT-VALUE}).", defaultValue = "/var/lib/culturecard")
        Path dataDir;

        @Option(names = "--days", description = "Certificate validity in days (default: ${DEFAULT-VALUE}).", defaultValue = "825")
        int days;

        KioskBundles bundles() throws IOException {
            IssuingAuthority authority = IssuingAuthority.load(ca, Clock.systemUTC(), new SecureRandom());
            BundleOptions options = new BundleOptions(broker, schemeKey.toAbsolutePath(), installDir.toAbsolutePath(),
                    dataDir.toAbsolutePath(), Duration.ofDays(days), Duration.ofDays(30));
            return new KioskBundles(authority, options, Clock.systemUTC());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates OUT/KIOSK/ with kiosk.properties, sync.properties, kiosk.key, kiosk.crt (CN = kiosk id,"
                    + " clientAuth) and ca.crt, every file 0600. An existing valid bundle is kept; an expiring one is renewed."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:failed", "2:bad usage"})
    static final class Create implements Callable<Integer> {
        @Option(names = "--venue", required = true, description = "Venue id (a-z, 0-9, -).")
        String venue;

        @Option(names = "--id", required = true, description = "Kiosk id, unique across the scheme (a-z, 0-9, -).")
        String id;

        @Option(names = "--venue-name", description = "The venue's name on screen (default: the venue id).")
        String venueName;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Shared shared;

        @ArgGroup(exclusive = false, heading = "Register the kiosk at central as well:%n")
        Central central;

        @Override
        public Integer call() throws IOException {
            CentralKioskClient client = central == null ? null : central.client(); // a bad token file fails before signing
            KioskSpec spec;
            try {
                spec = KioskSpec.of(venue, id, venueName);
            } catch (IllegalArgumentException e) {
                System.err.println("Bad kiosk: " + e.getMessage());
                return 2;
            }
            BundleOutcome outcome = shared.bundles().provision(spec, shared.out);
            String what = outcome instanceof BundleOutcome.Created ? "Created"
                    : outcome instanceof BundleOutcome.Kept ? "Kept the valid bundle"
                    : "Renewed (" + ((BundleOutcome.Renewed) outcome).why() + ")";
            System.out.println(what + ": " + outcome.dir());
            if (client != null) {
                client.register(new KioskRegistry(shared.out), spec.kiosk());
                System.out.println("Registered " + spec.kiosk() + " at " + spec.venue() + " with central");
            }
            return ProvisionMain.OK;
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = {"Gives central the registry's kiosks: PUT /api/kiosks/{kiosk} with its venue and its certificate's"
                    + " SHA-256 fingerprint, for one kiosk (--kiosk) or every bundle in --bundles (--all)."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:failed", "2:bad usage", "4:partly done"})
    static final class Register implements Callable<Integer> {
        @Option(names = "--bundles", required = true, description = "The kiosk registry: the bundles directory.")
        Path bundles;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--kiosk", description = "One kiosk id.")
            String kiosk;

            @Option(names = "--all", description = "Every kiosk in --bundles.")
            boolean all;
        }

        @ArgGroup(exclusive = false, multiplicity = "1")
        Central central;

        @Override
        public Integer call() throws IOException {
            CentralKioskClient client = central.client();
            KioskRegistry registry = new KioskRegistry(bundles);
            java.util.Collection<KioskId> kiosks = which.all ? registry.kiosks().keySet() : java.util.List.of(kioskId(which.kiosk));
            int failed = 0;
            for (KioskId kiosk : kiosks) {
                try {
                    client.register(registry, kiosk);
                    System.out.println("Registered " + kiosk + " at " + registry.venueOf(kiosk));
                } catch (RuntimeException | IOException e) {
                    System.err.println(kiosk + ": " + e.getMessage());
                    failed++;
                }
            }
            return failed == 0 ? ProvisionMain.OK : failed < kiosks.size() ? ProvisionMain.PARTLY_DONE : ProvisionMain.FAILED;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = {"Moves a kiosk to another venue: tells central (PUT /api/kiosks/{kiosk}), then rewrites venue.id in its"
                    + " bundle and the broker's ACL in --broker-dir, so the old venue's topics are refused. Then install the new"
                    + " bundle's properties on the kiosk and the ACL on the broker, and reload Mosquitto (SIGHUP)."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:failed", "2:bad usage"})
    static final class Move implements Callable<Integer> {
        @Option(names = "--bundles", required = true, description = "The kiosk registry: the bundles directory.")
        Path bundles;

        @Option(names = "--kiosk", required = true, description = "The kiosk id.")
        String kiosk;

        @Option(names = "--venue", required = true, description = "Its new venue id.")
        String venue;

        @Option(names = "--broker-dir", required = true, description = "The output of 'broker config', whose acl is rewritten.")
        Path brokerDir;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Central central;

        @Override
        public Integer call() throws IOException {
            if (!VenueId.isValid(venue)) {
                System.err.println("Bad venue: '" + venue + "' must be 1-64 of a-z, 0-9 and '-'");
                return 2;
            }
            KioskId id = kioskId(kiosk);
            KioskRegistry registry = new KioskRegistry(bundles);
            VenueId from = registry.venueOf(id);
            central.client().register(id, VenueId.of(venue),
                    Pem.readCertificate(bundles.resolve(id.value()).resolve(KioskBundles.CERT)));
            registry.move(id, VenueId.of(venue));
            BrokerConfig.rewriteAcl(brokerDir, registry);
            System.out.println("Moved " + id + " from " + from + " to " + venue + ": central told, "
                    + bundles.resolve(id.value()) + " and " + brokerDir.resolve(BrokerConfig.ACL) + " rewritten");
            System.out.println("Next: install the ACL on the broker and reload Mosquitto (systemctl reload mosquitto, or"
                    + " kill -HUP its pid); install the bundle's kiosk.properties and sync.properties on the kiosk and restart it.");
            return ProvisionMain.OK;
        }
    }

    private static KioskId kioskId(String value) {
        if (!KioskId.isValid(value)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new KioskCommand()),
                    "kiosk id '" + value + "' must be 1-64 of a-z, 0-9 and '-'");
        }
        return KioskId.of(value);
    }
}
