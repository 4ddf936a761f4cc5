package org.culturecard.provisioning;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.kiosk.BulkCsv;
import org.culturecard.provisioning.kiosk.BulkProvisioner;
import org.culturecard.provisioning.kiosk.BundleOptions;
import org.culturecard.provisioning.kiosk.BundleOutcome;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.culturecard.provisioning.kiosk.KioskSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provision kiosk create|bulk}: kiosk bundles, one or thousands. */
@Command(name = "kiosk", mixinStandardHelpOptions = true, description = "Kiosk identities and bundles.",
        subcommands = {KioskCommand.Create.class, KioskCommand.Bulk.class})
final class KioskCommand {

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

        @Override
        public Integer call() throws IOException {
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
            return ProvisionMain.OK;
        }
    }

    @Command(name = "bulk", mixinStandardHelpOptions = true,
            description = {"Provisions every kiosk of a CSV file: venue,kiosk[,venue name] per line (a header line, blank lines and"
                    + " # comments are skipped). Re-running is safe: valid bundles are kept. Bad lines are reported with their"
                    + " numbers and the rest is still done."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every line done", "1:failed", "2:bad usage", "4:partly done"})
    static final class Bulk implements Callable<Integer> {
        @Option(names = "--csv", required = true, description = "The CSV file.")
        Path csv;

        @Option(names = "--threads", description = "Signing threads (default: the number of CPUs).")
        int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--no-progress", description = "No progress bar (for logs).")
        boolean noProgress;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Shared shared;

        @Override
        public Integer call() throws IOException, InterruptedException {
            BulkCsv.Parsed parsed = BulkCsv.parse(Files.readAllLines(csv, StandardCharsets.UTF_8));
            BulkProvisioner provisioner = new BulkProvisioner(shared.bundles(), threads);
            long start = System.nanoTime();
            BulkProvisioner.Report report;
            try (ProgressBar bar = progressBar(parsed.rows().size())) {
                report = provisioner.run(parsed, shared.out, bar::step);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            report.errors().forEach(error -> System.err.println(csv + ":" + error.line() + ": " + error.message()));
            System.out.printf("%d kiosks: %d created, %d kept, %d renewed, %d failed (%d ms) in %s%n",
                    report.done() + report.errors().size(), report.created(), report.kept(), report.renewed(),
                    report.errors().size(), millis, shared.out);
            if (report.errors().isEmpty()) {
                return ProvisionMain.OK;
            }
            return report.done() > 0 ? ProvisionMain.PARTLY_DONE : ProvisionMain.FAILED;
        }

        private ProgressBar progressBar(int size) {
            ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("Kiosks").setInitialMax(size)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate();
            if (noProgress) {
                builder.setConsumer(new ConsoleProgressBarConsumer(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
            } else {
                builder.setConsumer(new ConsoleProgressBarConsumer(System.err));
            }
            return builder.build();
        }
    }
}
