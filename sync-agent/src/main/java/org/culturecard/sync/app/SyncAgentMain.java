package org.culturecard.sync.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.mqttlink.tls.TlsSetupException;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.InvalidConfigException;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.OutboxException;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync agent as its own process, for systemd ({@code Type=simple}): runs in the foreground,
 * logs to stdout, exits 2 on a bad command line or config (including unusable TLS files) and 1
 * when the kiosk's database cannot be opened, and shuts down cleanly on SIGTERM (a shutdown hook publishes "offline" and closes).
 *
 * <pre>java -cp ... org.culturecard.sync.app.SyncAgentMain --config /etc/culturecard/sync-agent.properties</pre>
 */
public final class SyncAgentMain {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;
    private static final Logger log = LoggerFactory.getLogger(SyncAgentMain.class);

    private SyncAgentMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path configFile = parse(args, System.err);
        if (configFile == null) {
            System.exit(EXIT_USAGE);
        }
        SyncConfig config = loadOrNull(configFile, System.getenv(), System.err);
        if (config == null) {
            System.exit(EXIT_USAGE);
        }
        SqliteOutbox outbox;
        try {
            outbox = SqliteOutbox.open(config.databasePath());
        } catch (OutboxException e) {
            log.error("{}", e.getMessage());
            System.exit(EXIT_FAILURE);
            return;
        }
        MqttSyncAgent agent;
        try {
            agent = new MqttSyncAgent(config, outbox, Clock.systemUTC(), UuidV7.system());
        } catch (TlsSetupException e) {
            log.error("{}", e.getMessage());
            outbox.close();
            System.exit(EXIT_USAGE);
            return;
        } catch (OutboxException e) {
            log.error("{}", e.getMessage());
            outbox.close();
            System.exit(EXIT_FAILURE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            agent.close();
            outbox.close();
            stopped.countDown();
        }, "sync-agent-shutdown"));
        agent.start();
        stopped.await();
    }

    /** The config file named by {@code --config FILE}, or null after printing usage. */
    static Path parse(String[] args, PrintStream err) {
        if (args.length == 2 && "--config".equals(args[0])) {
            return Path.of(args[1]);
        }
        if (args.length == 1 && args[0].startsWith("--config=")) {
            return Path.of(args[0].substring("--config=".length()));
        }
        err.println("usage: sync-agent --config FILE");
        err.println("  FILE is a properties file; every key may be overridden by " + SyncConfig.ENV_PREFIX
                + "<KEY> (e.g. " + SyncConfig.envName(SyncConfig.BROKER_URI) + ").");
        err.println("  keys: " + String.join(", ", SyncConfig.KEYS.stream().sorted().toList()));
        return null;
    }

    /** The validated config, or null after saying on {@code err} what is wrong. */
    static SyncConfig loadOrNull(Path file, Map<String, String> env, PrintStream err) {
        try {
            return SyncConfig.load(file, env);
        } catch (InvalidConfigException e) {
            err.println("bad config in " + file + ": " + e.getMessage());
        } catch (IOException e) {
            err.println("cannot read config " + file + ": " + e);
        }
        return null;
    }
}
