package org.culturecard.central.web;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.Role;
import org.culturecard.central.report.RollupRefresher;
import org.culturecard.central.web.account.Accounts;
import org.culturecard.central.web.account.NewAccount;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;

/**
 * A real central (PostgreSQL, Mosquitto, its HTTP server on a free port) with check-ins at two
 * venues and one web account of every role, for the web's integration and browser tests.
 * Venue {@code v1}: 30 people in February 2026 (5 of them twice), 12 in January; {@code v2}: 25
 * people in February and 3 in January (suppressed); kiosks {@code k1} at v1 and {@code k2} at v2.
 */
final class WebSite implements AutoCloseable {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 1);
    static final String API_TOKEN = "web-it-read-token-0123456789";

    /** A web account's user name, password and TOTP secret. */
    record Login(String username, String password, String totpSecret) {
    }

    final Central central;
    final String url;
    final String jdbcUrl;
    final String dbUser;
    final Map<Role, Login> logins;
    final Login otherManager;

    private WebSite(Central central, String jdbcUrl, String dbUser, Map<Role, Login> logins, Login otherManager) {
        this.central = central;
        this.url = central.httpUrl();
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.logins = logins;
        this.otherManager = otherManager;
    }

    static WebSite start(PostgresExtension db, MosquittoExtension broker, String name) throws Exception {
        String jdbcUrl = db.server().createDatabase(name);
        CentralConfig config = new CentralConfig(jdbcUrl, db.server().user(), "", broker.server().uri(), name, 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(API_TOKEN), Set.of()));
        Central central = Central.start(config, java.time.Clock.systemUTC());
        try {
            seed(central, jdbcUrl, db.server().user());
            Accounts accounts = new Accounts(central.store().dataSource());
            Map<Role, Login> logins = new java.util.EnumMap<>(Role.class);
            SecureRandom random = new SecureRandom();
            for (Role role : Role.values()) {
                String username = "web-" + role.code();
                Set<VenueId> venues = role == Role.VENUE_MANAGER ? Set.of(VenueId.of("v1")) : Set.of();
                NewAccount.Created made = NewAccount.create(accounts, random, username, role, venues, Instant.now());
                logins.put(role, new Login(username, made.password(), made.totpSecret()));
            }
            NewAccount.Created other = NewAccount.create(accounts, random, "web-v2-manager", Role.VENUE_MANAGER,
                    Set.of(VenueId.of("v2")), Instant.now());
            return new WebSite(central, jdbcUrl, db.server().user(), logins,
                    new Login("web-v2-manager", other.password(), other.totpSecret()));
        } catch (Exception | AssertionError e) {
            central.close();
            throw e;
        }
    }

    Login login(Role role) {
        return logins.get(role);
    }

    /** Rows of a query, columns joined by {@code |}. */
    List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, ""); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static void seed(Central central, String jdbcUrl, String user) throws Exception {
        TestBatches.register(central.store(), "v1", "k1");
        TestBatches.register(central.store(), "v2", "k2");
        UuidV7 ids = new UuidV7(TestBatches.CLOCK, new Random(15));
        List<CheckIn> v1 = new ArrayList<>();
        long[] seq = {0};
        for (int person = 1; person <= 30; person++) {
            v1.add(checkIn(ids, ++seq[0], person, "v1", Instant.parse("2026-02-10T11:00:00Z").plusSeconds(person)));
        }
        for (int person = 1; person <= 5; person++) {
            v1.add(checkIn(ids, ++seq[0], person, "v1", Instant.parse("2026-02-20T11:00:00Z").plusSeconds(person)));
        }
        for (int person = 1; person <= 12; person++) {
            v1.add(checkIn(ids, ++seq[0], person, "v1", Instant.parse("2026-01-15T11:00:00Z").plusSeconds(person)));
        }
        central.store().insertBatch(batch(ids, "v1", v1));
        List<CheckIn> v2 = new ArrayList<>();
        for (int person = 101; person <= 125; person++) {
            v2.add(checkIn(ids, ++seq[0], person, "v2", Instant.parse("2026-02-11T11:00:00Z").plusSeconds(person)));
        }
        for (int person = 101; person <= 103; person++) {
            v2.add(checkIn(ids, ++seq[0], person, "v2", Instant.parse("2026-01-11T11:00:00Z").plusSeconds(person)));
        }
        central.store().insertBatch(batch(ids, "v2", v2));
        new RollupRefresher(central.store().dataSource()).refreshAll();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO dead_letters (received_at, topic, reason, payload, payload_size) VALUES (now(),"
                    + " 'culturecard/v1/k1/checkins', 'not json', '\\x00'::bytea, 1)");
        }
    }

    private static CheckIn checkIn(UuidV7 ids, long seq, int person, String venue, Instant at) {
        Token token = Token.of(HexFormat.of().formatHex(ByteBuffer.allocate(32).putInt(person).putInt(15).array()));
        return new CheckIn(ids.get(), seq, token, null, VenueId.of(venue), KioskId.of(venue.equals("v1") ? "k1" : "k2"), at, true,
                CardKind.MIFARE_CLASSIC_1K, "0.1.0");
    }

    private static CheckInBatch batch(UuidV7 ids, String venue, List<CheckIn> records) {
        String kiosk = venue.equals("v1") ? "k1" : "k2";
        return CheckInBatch.of(ids.get(), KioskId.of(kiosk), VenueId.of(venue), UUID.nameUUIDFromBytes(kiosk.getBytes()),
                TestBatches.NOW, records);
    }

    @Override
    public void close() {
        central.close();
    }
}
