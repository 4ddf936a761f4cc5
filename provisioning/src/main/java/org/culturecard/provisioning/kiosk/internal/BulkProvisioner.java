package org.culturecard.provisioning.kiosk.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.culturecard.provisioning.kiosk.internal.BulkCsv.LineError;
import org.culturecard.provisioning.kiosk.internal.BulkCsv.Row;
import org.culturecard.provisioning.kiosk.BundleOutcome;
import org.culturecard.provisioning.kiosk.KioskBundles;

/**
 * Provisions many kiosks at once: each row on a small thread pool (key generation and signing are
 * CPU work), so a thousand kiosks take seconds. One row's failure is reported with its line
 * number and never stops the others.
 */
public final class BulkProvisioner {

    /** The tally of a run. {@code errors} holds bad lines and failed kiosks, by line number. */
    public record Report(int created, int kept, int renewed, List<LineError> errors) {
        public int done() {
            return created + kept + renewed;
        }
    }

    private final KioskBundles bundles;
    private final int threads;

    public BulkProvisioner(KioskBundles bundles, int threads) {
        this.bundles = bundles;
        this.threads = Math.max(1, threads);
    }

    /** Provisions every row of {@code parsed} under {@code out}; {@code onStep} runs after each row. */
    public Report run(BulkCsv.Parsed parsed, Path out, Runnable onStep) throws InterruptedException {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger renewed = new AtomicInteger();
        List<LineError> errors = Collections.synchronizedList(new ArrayList<>(parsed.errors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Row row : parsed.rows()) {
                futures.add(pool.submit(() -> {
                    try {
                        BundleOutcome outcome = bundles.provision(row.spec(), out);
                        AtomicInteger counter = outcome instanceof BundleOutcome.Created ? created
                                : outcome instanceof BundleOutcome.Kept ? kept : renewed;
                        counter.incrementAndGet();
                    } catch (Exception e) {
                        errors.add(new LineError(row.line(), row.spec().kiosk() + ": " + e.getMessage()));
                    } finally {
                        onStep.run();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a provisioning task failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<LineError> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Report(created.get(), kept.get(), renewed.get(), List.copyOf(sorted));
    }
}
