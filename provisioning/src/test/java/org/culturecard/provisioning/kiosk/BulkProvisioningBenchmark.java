package org.culturecard.provisioning.kiosk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.testsupport.server.LocalProcesses;
import org.culturecard.provisioning.kiosk.internal.BulkCsv;
import org.culturecard.provisioning.kiosk.internal.BulkProvisioner;

/**
 * Times {@code kiosk bulk}'s work for N kiosks (default 1,000; the goal is at most 30 s): a first
 * run that creates every bundle (key pair, signature, five files each), then a re-run that checks
 * and keeps them all. Usage: {@code BulkProvisioningBenchmark [N] [threads]}.
 */
public final class BulkProvisioningBenchmark {
    private BulkProvisioningBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path dir = Files.createTempDirectory("bulk-benchmark-");
        try {
            new CertificateAuthority(Clock.systemUTC(), new SecureRandom()).init(dir.resolve("ca"), "Benchmark CA", Duration.ofDays(365));
            IssuingAuthority ca = IssuingAuthority.load(dir.resolve("ca"), Clock.systemUTC(), new SecureRandom());
            BulkProvisioner provisioner = new BulkProvisioner(new KioskBundles(ca, BundleOptions.defaults(), Clock.systemUTC()), threads);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                lines.add("venue-" + i / 5 + ",kiosk-" + i + ",Venue " + i / 5);
            }
            BulkCsv.Parsed parsed = BulkCsv.parse(lines);
            System.out.printf("kiosks %d, threads %d, cpus %d%n", count, threads, Runtime.getRuntime().availableProcessors());
            time("create", () -> provisioner.run(parsed, dir.resolve("out"), () -> { }), count);
            time("re-run (keep)", () -> provisioner.run(parsed, dir.resolve("out"), () -> { }), count);
        } finally {
            LocalProcesses.deleteTree(dir);
        }
    }

    private interface Run {
        BulkProvisioner.Report run() throws Exception;
    }

    private static void time(String what, Run run, int count) throws Exception {
        long start = System.nanoTime();
        BulkProvisioner.Report report = run.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-14s %6d ms  %7.1f kiosks/s  (created %d, kept %d, errors %d)%n", what, millis,
                count * 1000.0 / Math.max(1, millis), report.created(), report.kept(), report.errors().size());
    }
}
