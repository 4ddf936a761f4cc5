package org.culturecard.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.kioskdb.KioskDb.Role;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.golden.GoldenFiles;
import org.culturecard.core.wire.golden.WireGoldens;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.sync.venue.SqliteVenueEvents;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the sync agent reads from central, from core's golden files (ADR 0023) and their future
 * variants (ADR 0024: a kiosk ignores fields it does not know): every venue config version and the
 * batch ack go the agent's reading path, {@link WireCodec} into {@link SqliteVenueEvents} and
 * {@link SqliteOutbox} as {@code MqttSyncAgent} calls them, into a real kiosk SQLite file. What the
 * agent writes is compared with the golden bytes in {@link AgentWireGoldenIT}, through the agent itself.
 */
class AgentWireGoldenTest {
    private static final Instant APPLIED_AT = WireGoldens.NOW.plusSeconds(60);

    @TempDir
    Path dir;
    private final WireCodec codec = new WireCodec();

    /** Every golden venue config, then every future one: file, bytes, and the message it must read as. */
    static Stream<Arguments> venueConfigs() {
        return Stream.concat(
                WireGoldens.of(VenueConfig.class).map(g -> Arguments.of(g.file(), g.message())),
                WireGoldens.futuresOf(VenueConfig.class).map(f -> Arguments.of(f.file(), f.original().message())));
    }

    /** The golden batch ack and its future variants. */
    static Stream<Arguments> batchAcks() {
        return Stream.concat(
                WireGoldens.of(BatchAck.class).map(g -> Arguments.of(g.file(), g.message())),
                WireGoldens.futuresOf(BatchAck.class).map(f -> Arguments.of(f.file(), f.original().message())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venueConfigs")
    void appliesTheVenueConfigOfEveryVersionToTheKioskDatabase(String file, VenueConfig expected) throws Exception {
        VenueConfig snapshot = codec.decode(read(file), VenueConfig.class);

        try (KioskDb kiosk = KioskDb.create(dir); SqliteVenueEvents events = SqliteVenueEvents.open(kiosk.file())) {
            assertThat(events.apply(snapshot, APPLIED_AT)).as("central events closed").isZero();

            assertThat(snapshot).isEqualTo(expected);
            assertThat(events.appliedVersion()).isEqualTo(expected.version());
            assertThat(centralEvents(kiosk)).containsExactly(WireGoldens.danceLab());
            assertThat(kiosk.setting(SettingKey.UNREGISTERED_CARDS.name()))
                    .isEqualTo(expected.unregisteredCardsOrDefault().code());
            if (expected.staffPart().isPresent()) {
                assertThat(kiosk.setting(SettingKey.STAFF_AUTH.name())).isEqualTo("card-and-pin");
                assertThat(kiosk.setting(SettingKey.CENTRAL_KEEPS_STAFF.name())).isEqualTo("central");
                assertThat(centralStaff(kiosk)).containsExactly("Ada Reyes", "Lee Park", "Sam Okafor");
            } else {
                assertThat(kiosk.setting(SettingKey.STAFF_AUTH.name())).as("a v1 config leaves staff alone").isNull();
                assertThat(centralStaff(kiosk)).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batchAcks")
    void theBatchAckMarksTheCheckInsOfItsBatchDelivered(String file, BatchAck expected) throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            List<Long> seqs = new ArrayList<>();
            for (CheckIn checkIn : WireGoldens.checkIns()) {
                kiosk.record(checkIn, checkIn.tappedAt());
                seqs.add(checkIn.seq());
            }
            outbox.markSent(expected.batchId(), seqs, WireGoldens.NOW.plusSeconds(5));

            BatchAck ack = codec.decode(read(file), BatchAck.class);

            assertThat(ack).isEqualTo(expected);
            assertThat(outbox.markDelivered(ack.batchId(), WireGoldens.NOW.plusSeconds(6))).isEqualTo(seqs.size());
            assertThat(outbox.backlogCount()).isZero();
        }
    }

    private static byte[] read(String file) throws Exception {
        return GoldenFiles.read(file);
    }

    /** The central-origin events of the kiosk's events table, read back through kiosk-db. */
    private static List<Event> centralEvents(KioskDb kiosk) {
        try (org.culturecard.kioskdb.KioskDb db = org.culturecard.kioskdb.KioskDb.open(kiosk.file(), Role.SYNC_AGENT)) {
            return db.read("the central events", tables -> tables.events().overlapping(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")))
                    .stream().filter(stored -> stored.origin() == EventOrigin.CENTRAL).map(StoredEvent::event).toList();
        }
    }

    private static List<String> centralStaff(KioskDb kiosk) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + kiosk.file());
                PreparedStatement select = connection.prepareStatement(
                        "SELECT display_name FROM staff WHERE origin = 'central' ORDER BY display_name");
                ResultSet found = select.executeQuery()) {
            while (found.next()) {
                names.add(found.getString(1));
            }
        }
        return names;
    }
}
