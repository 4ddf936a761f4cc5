package org.culturecard.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.culturecard.central.Central;
import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.Role;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.web.account.Accounts;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.kiosk.KioskApp;
import org.culturecard.kiosk.KioskHooks;
import org.culturecard.kiosk.KioskLauncher;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.ui.shell.DemoCard;
import org.culturecard.kiosk.ui.shell.SyncIndicator;
import org.culturecard.reader.CardReader;
import org.culturecard.reader.DemoCards;
import org.culturecard.reader.PcscCardReader;
import org.culturecard.reader.SimulatedCardReader;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.agent.SyncStatus;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./demo}: the whole system in one JVM. Central on PostgreSQL (embedded unless
 * {@code --postgres}), an MQTT broker (embedded HiveMQ CE unless {@code --broker}), the sync agent
 * in-process, and the kiosk window with on-screen demo cards (or a real PC/SC reader). This class
 * is the demo's composition root; each part is the same code production runs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts the Culture Card kiosk with a broker, central and the sync agent.")
public final class DemoMain implements Callable<Integer> {
    /** The demo's API token (read-only). Production tokens come from central's config file. */
    static final String DEMO_READ_TOKEN = "demo-read-token-not-secret";
    static final String DEMO_ADMIN_TOKEN = "demo-admin-token-not-secret";
    /** The demo's auditor token: raw check-in rows are the auditor's alone (ADR 0010). */
    static final String DEMO_AUDIT_TOKEN = "demo-audit-token-not-secret";

    @Option(names = "--broker", paramLabel = "URL", description = "External MQTT 5 broker, e.g. tcp://127.0.0.1:1883 (default: embedded HiveMQ CE).")
    URI broker;

    @Option(names = "--postgres", paramLabel = "JDBC_URL", description = "External PostgreSQL (default: embedded PostgreSQL).")
    String postgres;

    @Option(names = "--postgres-user", paramLabel = "NAME", defaultValue = "${env:PGUSER:-postgres}", description = "User for --postgres (default: ${DEFAULT-VALUE}).")
    String postgresUser;

    @Option(names = "--postgres-password", paramLabel = "PASSWORD", defaultValue = "${env:PGPASSWORD:-}", description = "Password for --postgres (default: $PGPASSWORD).")
    String postgresPassword;

    @Option(names = "--reader", paramLabel = "MODE", defaultValue = "auto", description = "auto, simulated or pcsc (default: ${DEFAULT-VALUE}).")
    ReaderMode readerMode;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080", description = "Central's HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "demo-data", description = "The demo's data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--fullscreen", description = "Kiosk mode: full screen, no decorations, close requests ignored.")
    boolean fullscreen;

    @Option(names = "--language", paramLabel = "TAG", defaultValue = "en", description = "en, pl, pt or lt (default: ${DEFAULT-VALUE}).")
    String language;

    enum ReaderMode { auto, simulated, pcsc }

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        // The demo's own logging config: the embedded apps' jars each carry a logback.xml of their own.
        System.setProperty("logback.configurationFile", System.getProperty("logback.configurationFile", "demo-logback.xml"));
        System.exit(new CommandLine(new DemoMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemDefaultZone();
        Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running), "demo-shutdown"));
        try {
            String jdbcUrl = postgres != null ? postgres : startDatabase(running);
            String brokerUri = broker != null ? broker.toString() : startBroker(running);
            Central central = Central.start(centralConfig(jdbcUrl, brokerUri), clock);
            running.push(central);

            KioskConfig kioskConfig = KioskConfig.demo(data.resolve("kiosk"), Locale.forLanguageTag(language), fullscreen);
            Reader reader = chooseReader(clock);
            KioskApp kiosk = KioskApp.compose(kioskConfig, reader.reader(), hooks(reader, clock));
            DemoSetup.prepare(kiosk, clock);
            // Central takes a kiosk's messages only when its registry has the kiosk at that venue;
            // in production provisioning writes the registry, here the demo registers its one kiosk.
            central.store().registerKiosk(kioskConfig.kioskId(), kioskConfig.venueId(), null);

            MqttSyncAgent agent = new MqttSyncAgent(
                    SyncConfig.of(URI.create(brokerUri), kioskConfig.kioskId(), kioskConfig.venueId(), kioskConfig.databasePath()),
                    SqliteOutbox.open(kioskConfig.databasePath()), clock, UuidV7.system());
            agent.addDeliveryListener(delivered -> out.printf(
                    "Central: %d check-in(s) arrived and stored (%d new, %d already there). See them: %s%n",
                    delivered.checkIns(), delivered.inserted(), delivered.duplicates(), curl(central, "/api/checkins")));
            agent.start();
            running.push(agent);
            agentRef = agent;

            List<DemoWeb.Login> webLogins = DemoWeb.prepare(new Accounts(central.store().dataSource()), kioskConfig.venueId());
            banner(central, brokerUri, jdbcUrl, reader, kioskConfig, webLogins);
            KioskLauncher.launch(kiosk); // blocks until the window closes
            return 0;
        } finally {
            closeAll(running);
        }
    }

    private volatile MqttSyncAgent agentRef;

    private KioskHooks hooks(Reader reader, Clock clock) {
        return KioskHooks.builder()
                .clock(clock)
                .demoCards(reader.demoCards())
                .syncIndicator(this::syncIndicator)
                .onResult(this::onResult)
                .build();
    }

    private SyncIndicator syncIndicator() {
        MqttSyncAgent agent = agentRef;
        if (agent == null) {
            return SyncIndicator.unknown(0);
        }
        SyncStatus status = agent.status();
        return new SyncIndicator(status.connected() ? SyncIndicator.State.CONNECTED : SyncIndicator.State.OFFLINE,
                status.backlog(), status.lastSyncAt());
    }

    private void onResult(CheckInResult result) {
        out.println("Kiosk: " + describe(result));
        MqttSyncAgent agent = agentRef;
        if (agent != null && (result instanceof CheckInResult.Recorded || result instanceof CheckInResult.GeneralVisit)) {
            agent.wake();
        }
    }

    private static String describe(CheckInResult result) {
        if (result instanceof CheckInResult.Recorded r) {
            return "checked in to \"" + r.event().title() + "\" (token " + r.checkIn().token() + ", visit "
                    + r.visitNumberThisYear() + " this year); saved, sending to central";
        } else if (result instanceof CheckInResult.GeneralVisit v) {
            return "general visit recorded (token " + v.checkIn().token() + "); saved, sending to central";
        } else if (result instanceof CheckInResult.AlreadyCheckedIn) {
            return "already checked in: nothing new to record";
        } else if (result instanceof CheckInResult.NotALibraryCard) {
            return "not a library card (random ID, e.g. a phone): declined, nothing recorded";
        } else if (result instanceof CheckInResult.StaffCard s) {
            return "staff card (" + s.staffName() + "): staff mode";
        } else if (result instanceof CheckInResult.StaffPinNeeded s) {
            return "staff card (" + s.staffName() + "): PIN asked";
        } else if (result instanceof CheckInResult.StaffCardRefused s) {
            return "staff card refused (" + s.reason() + "): nothing recorded";
        }
        return result.toString();
    }

    private String startDatabase(Deque<AutoCloseable> running) throws IOException {
        out.println("Starting embedded PostgreSQL in " + data.resolve("postgres") + " ...");
        EmbeddedDatabase database = EmbeddedDatabase.start(data.toAbsolutePath().resolve("postgres"));
        running.push(database);
        return database.jdbcUrl();
    }

    private String startBroker(Deque<AutoCloseable> running) throws IOException {
        out.println("Starting the embedded MQTT broker (HiveMQ CE) ...");
        EmbeddedBroker embedded = EmbeddedBroker.start(data.toAbsolutePath().resolve("broker"), freePort());
        running.push(embedded);
        return embedded.uri();
    }

    private CentralConfig centralConfig(String jdbcUrl, String brokerUri) {
        boolean embeddedDb = postgres == null;
        return new CentralConfig(jdbcUrl, embeddedDb ? "postgres" : postgresUser, embeddedDb ? "" : postgresPassword,
                brokerUri, "central-demo", 1, "127.0.0.1", httpPort,
                demoTokens());
    }

    /** An officer (read), an admin and an auditor token, all printed: the demo's are not secret. */
    private static CentralConfig.ApiTokens demoTokens() {
        List<ApiToken> tokens = new ArrayList<>(new CentralConfig.ApiTokens(Set.of(DEMO_READ_TOKEN), Set.of(DEMO_ADMIN_TOKEN)).tokens());
        tokens.add(ApiToken.withSecret("demo-auditor", Role.AUDITOR, DEMO_AUDIT_TOKEN, Set.of()));
        return new CentralConfig.ApiTokens(tokens);
    }

    /** The reader for this run, and the on-screen demo cards that go with a simulated one. */
    private record Reader(CardReader reader, String description, List<DemoCard> demoCards) {}

    private Reader chooseReader(Clock clock) {
        if (readerMode != ReaderMode.simulated) {
            List<String> attached = PcscCardReader.attachedReaderNames();
            if (!attached.isEmpty() || readerMode == ReaderMode.pcsc) {
                String names = attached.isEmpty() ? "none attached yet" : String.join(", ", attached);
                return new Reader(new PcscCardReader(clock), "PC/SC (" + names + ")", List.of());
            }
        }
        SimulatedCardReader simulated = new SimulatedCardReader(clock);
        List<DemoCard> buttons = new ArrayList<>();
        for (DemoCards.DemoCard card : new DemoCards(new Random()).all()) {
            buttons.add(new DemoCard(card.label(), () -> simulated.tap(card)));
        }
        return new Reader(simulated, "simulated, with on-screen demo cards", buttons);
    }

    private void banner(Central central, String brokerUri, String jdbcUrl, Reader reader, KioskConfig kiosk,
            List<DemoWeb.Login> webLogins) {
        out.println();
        out.println("Culture Card demo is running.");
        out.println("  Kiosk:    " + kiosk.venueName() + " (" + kiosk.kioskId() + "), data in " + data.toAbsolutePath());
        out.println("  Reader:   " + reader.description());
        out.println("  Broker:   " + brokerUri + (broker == null ? " (embedded HiveMQ CE)" : ""));
        out.println("  Database: " + jdbcUrl.replaceAll("password=[^&]*", "password=***") + (postgres == null ? " (embedded)" : ""));
        out.println("  Central:  " + central.httpUrl() + "  (auditor token for the demo: " + DEMO_AUDIT_TOKEN
                + "; officer: " + DEMO_READ_TOKEN + ")");
        out.println("            " + curl(central, "/api/checkins"));
        webBanner(central, webLogins);
        out.println("Tap a demo card on the kiosk screen (the Staff card, then PIN " + DemoSetup.DEMO_STAFF_PIN
                + ", opens staff mode). Close the window (or Ctrl+C) to stop.");
        out.println();
    }

    private void webBanner(Central central, List<DemoWeb.Login> logins) {
        out.println("  Web:      " + central.httpUrl() + "/admin  (staff pages; password for every demo account: "
                + DemoWeb.PASSWORD + ")");
        for (DemoWeb.Login login : logins) {
            out.println("            user " + login.username() + " (" + login.role().code() + ")");
        }
        out.println("            !!! DEMO ONLY: these accounts sign in WITHOUT the TOTP code; leave the code empty. !!!");
    }

    private static String curl(Central central, String path) {
        return "curl -s -H 'Authorization: Bearer " + DEMO_AUDIT_TOKEN + "' " + central.httpUrl() + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        AutoCloseable next;
        while ((next = running.poll()) != null) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("While stopping " + next.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
