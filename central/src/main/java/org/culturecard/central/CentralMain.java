package org.culturecard.central;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.ingest.DeadLetterCommand;
import org.culturecard.central.recognition.RecognitionCommand;
import org.culturecard.central.report.ReportCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs central in the foreground until SIGTERM, as systemd expects:
 * {@code java -cp ... org.culturecard.central.CentralMain --config /etc/culturecard/central.properties}.
 * Exit codes: 0 after a clean stop, 2 for bad arguments or config, 1 when start-up fails.
 * {@code CentralMain report --config FILE --by venue --from 2026-01-01 --to 2026-04-01 [--format json]}
 * prints a suppressed report instead (see {@link ReportCommand});
 * {@code CentralMain dead-letters replay --config FILE (--id N,... | --all)} sends check-ins kept whole
 * in the dead letters through ingest again (see {@link DeadLetterCommand});
 * {@code CentralMain recognition backfill --config FILE --achievement ID} evaluates history for a new
 * achievement (see {@link RecognitionCommand}).
 */
public final class CentralMain {

    private static final Logger LOG = LoggerFactory.getLogger(CentralMain.class);

    private CentralMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "report".equals(args[0])) {
            System.exit(ReportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
            return;
        }
        if (args.length > 0 && "recognition".equals(args[0])) {
            System.exit(RecognitionCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
            return;
        }
        if (args.length > 0 && "dead-letters".equals(args[0])) {
            System.exit(DeadLetterCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    Clock.systemUTC()));
            return;
        }
        Path configFile = configArgument(args);
        if (configFile == null) {
            System.err.println("usage: CentralMain --config FILE   (settings may be overridden by CULTURECARD_CENTRAL_* variables)\n"
                    + "       CentralMain report --help\n"
                    + "       CentralMain dead-letters replay --help");
            System.exit(2);
            return;
        }
        CentralConfig config;
        try {
            config = CentralConfig.load(configFile, System.getenv());
        } catch (RuntimeException e) {
            System.err.println("bad central config " + configFile + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Central central;
        try {
            central = Central.start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.error("central failed to start", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            central.close();
            stopped.countDown();
        }, "central-shutdown"));
        LOG.info("central running; API at {}", central.httpUrl());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path configArgument(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--config".equals(args[i])) {
                Path file = Path.of(args[i + 1]);
                return Files.isReadable(file) ? file : null;
            }
        }
        return null;
    }
}
