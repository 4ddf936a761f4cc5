package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.culturecard.central.Central;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.SchemeKey;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.kiosk.KioskApp;
import org.culturecard.kiosk.KioskHooks;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.staff.PinOutcome;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.kioskdb.StaffRow;
import org.culturecard.provisioning.ProvisionMain;
import org.culturecard.reader.PcscCardReader;
import org.culturecard.reader.ReaderEvent;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.culturecard.testsupport.pcsc.PcscdExtension;
import org.culturecard.testsupport.pcsc.PcscdServer;
import org.culturecard.testsupport.pcsc.VirtualCard;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost staff card, revoked once, on real components only: IT enrols a staff member at central
 * with {@code provision staff add} (PIN typed, only its hash sent) and {@code provision staff card}
 * (the card tapped on pcscd's virtual reader, only its token sent); the venue config carries them
 * through a real Mosquitto and the sync agent into the kiosk's SQLite file; on the kiosk the card
 * then the PIN open staff mode. IT revokes the card with {@code provision staff revoke}; after the
 * next config the same card is refused and nothing is recorded. Then the PIN and the card's UID
 * are searched for in every store, message and log.
 */
@ExtendWith({PcscdExtension.class, MosquittoExtension.class, PostgresExtension.class})
class StaffRevocationIT {
    private static final byte[] UID = HexFormat.of().parseHex("04c0ffee5a1e77");
    private static final VenueId VENUE = VenueId.of("riverside-theatre");
    private static final KioskId KIOSK = KioskId.of("riverside-kiosk-1");
    private static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    private static final String PIN = "739104";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Clock clock = Clock.systemUTC();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void aStaffCardRevokedAtCentralOpensStaffModeBeforeAndIsRefusedByTheKioskAfterTheNextConfig(PcscdServer pcscd,
            MosquittoServer broker, PostgresServer postgres, @TempDir Path dir) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.writeString(dir.resolve("scheme.key"), HexFormat.of().formatHex(key));
        Path tokenFile = Files.writeString(dir.resolve("admin.token"), ADMIN_TOKEN + "\n");
        Path database = dir.resolve("kiosk.db");
        String jdbcUrl = postgres.createDatabase("staff_it");
        Token cardToken = new Pseudonymiser(SchemeKey.of(key)).tokenFor(CardUid.of(UID));
        List<RecordingMqttClient.Message> messages;
        List<String> logLines;

        try (LogCapture logs = LogCapture.attach(); RecordingMqttClient spy = RecordingMqttClient.connect(broker.uri(), "#");
                Central central = Central.start(centralConfig(jdbcUrl, broker.uri()), clock);
                KioskApp kiosk = KioskApp.compose(kioskConfig(database, keyFile), new PcscCardReader(clock), KioskHooks.defaults());
                MqttSyncAgent agent = new MqttSyncAgent(SyncConfig.of(URI.create(broker.uri()), KIOSK, VENUE, database),
                        SqliteOutbox.open(database), clock, UuidV7.system())) {
            agent.start();
            String[] at = {"--central", central.httpUrl(), "--token-file", tokenFile.toString(), "--venue", VENUE.value()};

            // IT enrols Ada at central: her PIN typed (hashed here), then her card tapped (its token sent).
            assertThat(provision(PIN + "\n", concat(List.of("staff", "add", "--name", "Ada Reyes"), at))).isZero();
            CompletableFuture<Integer> enrol = CompletableFuture.supplyAsync(() -> provision("", concat(List.of("staff",
                    "card", "--name", "Ada Reyes", "--scheme-key", keyFile.toString(), "--timeout", "20"), at)));
            tapWhenAsked();
            assertThat(enrol.get(30, TimeUnit.SECONDS)).as(printed()).isZero();
            await().atMost(WAIT).until(() -> kiosk.store().staffByCard(cardToken).isPresent());
            UUID ada = kiosk.store().staffByCard(cardToken).map(StaffRow::id).orElseThrow();

            // Before: at the kiosk, her card asks for her PIN, and her PIN opens staff mode.
            BlockingQueue<CheckInResult> results = startKioskReader(kiosk);
            assertThat(tap(results)).isEqualTo(new CheckInResult.StaffPinNeeded(ada, "Ada Reyes"));
            assertThat(kiosk.staffDesk().checkPinAfterCard(ada, PIN)).isEqualTo(new PinOutcome.Accepted("Ada Reyes"));

            // IT revokes the lost card once, at central.
            long before = kiosk.store().setting(SettingKey.CONFIG_VERSION).orElseThrow();
            assertThat(provision("", concat(List.of("staff", "revoke", "--name", "Ada Reyes"), at))).as(printed()).isZero();
            await().atMost(WAIT).until(() -> kiosk.store().staffByCard(cardToken).map(StaffRow::revoked).orElse(false));
            assertThat(kiosk.store().setting(SettingKey.CONFIG_VERSION).orElseThrow()).isGreaterThan(before);

            // After the next config: the same card is refused, her PIN opens nothing, and nothing is recorded.
            assertThat(tap(results)).isEqualTo(new CheckInResult.StaffCardRefused(CheckInResult.StaffCardRefused.Reason.REVOKED));
            assertThat(kiosk.staffDesk().checkPinAfterCard(ada, PIN)).isInstanceOf(PinOutcome.Rejected.class);
            assertThat(kiosk.staffDesk().checkPin(PIN)).isInstanceOf(PinOutcome.Rejected.class);
            assertThat(kiosk.store().outboxBacklog()).isZero();
            // Even where a card alone would do, the revoked card stays refused; 'staff list' shows it revoked.
            assertThat(provision("", concat(List.of("staff", "auth", "--mode", "card-only"), at))).as(printed()).isZero();
            await().atMost(WAIT).until(() -> kiosk.store().staffAuth() == StaffAuth.CARD_ONLY);
            assertThat(tap(results)).isEqualTo(new CheckInResult.StaffCardRefused(CheckInResult.StaffCardRefused.Reason.REVOKED));
            assertThat(provision("", concat(List.of("staff", "list"), at))).isZero();
            assertThat(printed()).contains("staff sign in with card-only").containsPattern("Ada Reyes +PIN: yes +card: "
                    + cardToken.value().substring(0, 8) + "… +revoked ");
                        assertThat(PrivacySearch.dumpAllTables(jdbcUrl, postgres)).as("central kept the revocation")
                    .contains("Ada Reyes").contains(cardToken.value()).contains("pbkdf2-sha256$210000$");

            messages = spy.messages();
            logLines = logs.lines();
        }

        assertNoPinOrUidIn(database, jdbcUrl, postgres, messages, logLines);
    }

    private void assertNoPinOrUidIn(Path database, String jdbcUrl, PostgresServer postgres,
            List<RecordingMqttClient.Message> messages, List<String> logLines) throws Exception {
        String uid = HexFormat.of().formatHex(UID);
        byte[] pinBytes = PIN.getBytes(StandardCharsets.US_ASCII);
        for (Path file : PrivacySearch.sqliteFiles(database)) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(PrivacySearch.indexOf(bytes, pinBytes)).as("the PIN in " + file).isEqualTo(-1);
            assertThat(PrivacySearch.indexOf(bytes, UID)).as("the raw UID in " + file).isEqualTo(-1);
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContainIgnoringCase(uid);
        }
        assertThat(PrivacySearch.dumpAllTables(jdbcUrl, postgres)).doesNotContain(PIN).doesNotContainIgnoringCase(uid);
        assertThat(messages).as("the spy saw the staff in a venue config")
                .anyMatch(m -> m.topic().endsWith("/down/config") && new String(m.payload(), StandardCharsets.UTF_8)
                        .contains("Ada Reyes"));
        for (RecordingMqttClient.Message message : messages) {
            assertThat(PrivacySearch.indexOf(message.payload(), pinBytes)).as("the PIN on " + message.topic()).isEqualTo(-1);
            assertThat(new String(message.payload(), StandardCharsets.ISO_8859_1)).as(message.topic())
                    .doesNotContainIgnoringCase(uid);
        }
        assertThat(logLines).anyMatch(line -> line.contains("revoked staff member"));
        assertThat(logLines).noneMatch(line -> line.contains(PIN) || line.toLowerCase(Locale.ROOT).contains(uid));
        assertThat(printed()).contains("Revoked Ada Reyes").doesNotContain(PIN).doesNotContainIgnoringCase(uid);
    }

    /** Runs {@code provision} in this JVM with {@code stdin} as its standard input, capturing what it prints. */
    private int provision(String stdin, List<String> args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        synchronized (printed) {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        try {
            return ProvisionMain.run(args.toArray(String[]::new));
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
    }

    private void tapWhenAsked() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // The prompt and the answer exactly: printed() also holds the log lines of central and the agent in
        // this JVM (the filter publisher's "0 tokens" once took the card away before pcscd saw it).
        while (!printed().contains("staff card (waiting") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // the reader's monitor thread lists the readers first
        try (VirtualCard card = VirtualCard.insert(PcscdServer.PORT_READER_0, UID, VirtualCard.ATR_MIFARE_CLASSIC_1K)) {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!printed().contains("(token ") && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        }
        Thread.sleep(500); // let pcscd see the card leave before the next insert
    }

    private static BlockingQueue<CheckInResult> startKioskReader(KioskApp kiosk) {
        BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<CheckInResult> results = new LinkedBlockingQueue<>();
        kiosk.reader().start(event -> {
            events.add(event);
            if (event instanceof ReaderEvent.CardPresented presented) {
                results.add(kiosk.checkInService().handle(presented.tap()));
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .anyMatch(e -> e instanceof ReaderEvent.ReaderAttached a && a.readerName().equals(PcscdServer.READER_0)));
        return results;
    }

    /** The staff card on the kiosk's reader, once: what the kiosk made of it. */
    private static CheckInResult tap(BlockingQueue<CheckInResult> results) throws InterruptedException {
        CheckInResult result;
        try (VirtualCard card = VirtualCard.insert(PcscdServer.PORT_READER_0, UID, VirtualCard.ATR_MIFARE_CLASSIC_1K)) {
            result = Optional.ofNullable(results.poll(10, TimeUnit.SECONDS)).orElseThrow(() -> new AssertionError("no tap"));
        }
        Thread.sleep(2_500); // out of the reader's 2 s debounce, and the card seen leaving
        return result;
    }

    private String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    private static List<String> concat(List<String> first, String[] second) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(second)).toList();
    }

    private static KioskConfig kioskConfig(Path database, Path keyFile) {
        return new KioskConfig(VENUE, KIOSK, "Riverside Theatre", database, keyFile, "0.1.0-it", false, Locale.ENGLISH);
    }

    private static CentralConfig centralConfig(String jdbcUrl, String brokerUri) {
        return new CentralConfig(jdbcUrl, "postgres", "", brokerUri, "central-staff-it", 1, "127.0.0.1", 0,
                new CentralConfig.ApiTokens(Set.of(), Set.of(ADMIN_TOKEN)));
    }
}
