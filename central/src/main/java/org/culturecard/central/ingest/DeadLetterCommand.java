package org.culturecard.central.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.store.DeadLetterTable;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.core.wire.WireCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code CentralMain dead-letters replay --config FILE (--id N ... | --all)}: sends check-ins kept
 * whole in the dead letters through ingest again ({@link DeadLetterReplay}) and prints one line
 * per dead letter with what happened. Exit code 0 when every one was stored or held, 1 when some
 * were refused again (the cause is not fixed yet), 2 for bad arguments.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "Work with dead letters.")
public final class DeadLetterCommand {

    private DeadLetterCommand() {
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, Clock clock) {
        return new CommandLine(new DeadLetterCommand()).addSubcommand(new Replay(env, clock)).execute(args);
    }

    /** {@code dead-letters replay}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send check-ins kept whole in the dead letters through ingest again, once the cause is fixed.")
    static final class Replay implements Callable<Integer> {

        @Option(names = "--config", required = true, description = "central's properties file")
        Path config;

        @Option(names = "--id", split = ",", description = "dead letter ids (see GET /api/dead-letters)")
        List<Long> ids;

        @Option(names = "--all", description = "every check-in kept whole and not replayed yet")
        boolean all;

        private final Map<String, String> env;
        private final Clock clock;

        Replay(Map<String, String> env, Clock clock) {
            this.env = env;
            this.clock = clock;
        }

        @Override
        public Integer call() {
            if (all == (ids != null && !ids.isEmpty())) {
                throw new CommandLine.ParameterException(new CommandLine(this), "give either --id or --all");
            }
            CentralConfig settings = CentralConfig.load(config, env);
            try (PostgresCheckInStore store = PostgresCheckInStore.open(settings.jdbcUrl(), settings.dbUser(),
                    settings.dbPassword(), 2, clock)) {
                BatchValidator validator = new BatchValidator(new WireCodec(), clock,
                        new CachedRegistry(store::registeredVenue, clock, Duration.ofMinutes(1)));
                DeadLetterReplay replay = new DeadLetterReplay(new DeadLetterTable(store.dataSource()), validator, store, clock);
                List<DeadLetterReplay.Outcome> outcomes = replay.replay(all ? List.of() : ids);
                outcomes.forEach(o -> System.out.println("dead letter " + o.deadLetterId() + ": " + o.result()));
                System.out.println(outcomes.size() + " replayed, " + outcomes.stream().filter(o -> !o.done()).count()
                        + " refused again");
                return outcomes.stream().allMatch(DeadLetterReplay.Outcome::done) ? 0 : 1;
            }
        }
    }
}
