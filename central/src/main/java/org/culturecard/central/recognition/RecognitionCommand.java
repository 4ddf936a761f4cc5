package org.culturecard.central.recognition;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.store.PostgresCheckInStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code CentralMain recognition backfill --config FILE --achievement ID [--batch N]}: evaluates every
 * person's history for one achievement (added after their check-ins), {@code N} persons per
 * transaction, and prints what it awarded. Safe to run while central runs, and to run again: an
 * award is never made twice.
 */
@Command(name = "recognition", mixinStandardHelpOptions = true,
        description = "Recognition's maintenance commands.")
public final class RecognitionCommand {

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Map<String, String> env) {
        return new CommandLine(new RecognitionCommand()).addSubcommand(new Backfill(env)).execute(args);
    }

    /** The backfill of one achievement. */
    @Command(name = "backfill", mixinStandardHelpOptions = true,
            description = "Evaluate everyone's history for one achievement, in batches.")
    static final class Backfill implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "central's properties file")
        Path config;

        @Option(names = "--achievement", required = true, description = "the achievement's id in the achievements file")
        String achievement;

        @Option(names = "--batch", defaultValue = "1000", description = "persons per transaction (default 1000)")
        int batch;

        private final Map<String, String> env;

        Backfill() {
            this(System.getenv());
        }

        Backfill(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            if (batch < 1 || batch > 100_000) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--batch is 1 to 100000");
            }
            CentralConfig settings = CentralConfig.load(config, env);
            AchievementBook book = AchievementBook.load(settings.recognition().achievementsFile());
            long started = System.nanoTime();
            try (PostgresCheckInStore store = PostgresCheckInStore.open(settings.jdbcUrl(), settings.dbUser(),
                    settings.dbPassword(), 2, Clock.systemUTC())) {
                Recognition recognition = new Recognition(store.dataSource(), book, Clock.systemUTC());
                Recognition.Backfill done = recognition.backfill(achievement, batch,
                        persons -> System.err.printf("%d persons evaluated%n", persons));
                System.out.printf("backfill of %s: %d persons evaluated, %d awards made, %.1f s%n", achievement,
                        done.persons(), done.awards(), (System.nanoTime() - started) / 1e9);
            }
            return 0;
        }
    }
}
