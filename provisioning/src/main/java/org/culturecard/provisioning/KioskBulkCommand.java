package org.culturecard.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.culturecard.provisioning.kiosk.KioskRegistry;
import org.culturecard.provisioning.kiosk.internal.BulkCsv;
import org.culturecard.provisioning.kiosk.internal.BulkProvisioner;
import org.culturecard.provisioning.kiosk.internal.CentralKioskClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provision kiosk bulk}: every kiosk of a CSV file, signed on several threads, with a progress bar. */
@Command(name = "bulk", mixinStandardHelpOptions = true,
        description = {"Provisions every kiosk of a CSV file: venue,kiosk[,venue name] per line (a header line, blank lines and"
                + " # comments are skipped). Re-running is safe: valid bundles are kept. Bad lines are reported with their"
                + " numbers and the rest is still done."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every line done", "1:failed", "2:bad usage", "4:partly done"})
final class KioskBulkCommand implements Callable<Integer> {
    @Option(names = "--csv", required = true, description = "The CSV file.")
    Path csv;

    @Option(names = "--threads", description = "Signing threads (default: the number of CPUs).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "No progress bar (for logs).")
    boolean noProgress;

    @ArgGroup(exclusive = false, multiplicity = "1")
    KioskCommand.Shared shared;

    @ArgGroup(exclusive = false, heading = "Register every kiosk done at central as well:%n")
    KioskCommand.Central central;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CentralKioskClient client = central == null ? null : central.client();
        BulkCsv.Parsed parsed = BulkCsv.parse(Files.readAllLines(csv, StandardCharsets.UTF_8));
        BulkProvisioner provisioner = new BulkProvisioner(shared.bundles(), threads);
        long start = System.nanoTime();
        BulkProvisioner.Report report;
        try (ProgressBar bar = progressBar(parsed.rows().size())) {
            report = provisioner.run(parsed, shared.out, bar::step);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        report.errors().forEach(error -> System.err.println(csv + ":" + error.line() + ": " + error.message()));
        if (client != null) {
            int failed = registerAll(client, parsed, report);
            if (failed > 0) {
                return ProvisionMain.PARTLY_DONE;
            }
        }
        System.out.printf("%d kiosks: %d created, %d kept, %d renewed, %d failed (%d ms) in %s%n",
                report.done() + report.errors().size(), report.created(), report.kept(), report.renewed(),
                report.errors().size(), millis, shared.out);
        if (report.errors().isEmpty()) {
            return ProvisionMain.OK;
        }
        return report.done() > 0 ? ProvisionMain.PARTLY_DONE : ProvisionMain.FAILED;
    }

    /** Registers every kiosk whose line was done; returns how many central refused. */
    private int registerAll(CentralKioskClient client, BulkCsv.Parsed parsed, BulkProvisioner.Report report) throws IOException {
        java.util.Set<Integer> failedLines = new java.util.HashSet<>();
        report.errors().forEach(error -> failedLines.add(error.line()));
        KioskRegistry registry = new KioskRegistry(shared.out);
        int registered = 0;
        int failed = 0;
        for (BulkCsv.Row row : parsed.rows()) {
            if (failedLines.contains(row.line())) {
                continue;
            }
            try {
                client.register(registry, row.spec().kiosk());
                registered++;
            } catch (RuntimeException e) {
                System.err.println(csv + ":" + row.line() + ": " + row.spec().kiosk() + " not registered: " + e.getMessage());
                failed++;
            }
        }
        System.out.printf("%d kiosks registered with central, %d refused%n", registered, failed);
        return failed;
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
