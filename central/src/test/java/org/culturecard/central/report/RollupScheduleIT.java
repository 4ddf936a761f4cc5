package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Central rebuilds the report rollup in the background: check-ins that arrive through ingest are in
 * the rollup within a refresh interval, with nobody asking for a report.
 */
class RollupScheduleIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    @Test
    void ingestedCheckInsReachTheRollupWithoutAReport() throws Exception {
        String url = DB.server().createDatabase("rollup_schedule");
        CentralConfig config = new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "rollup-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(), Set.of())).with(b -> b.reportRefreshSeconds(1));
        CheckInBatch batch = new TestBatches(7).batch("v1", "k1", 5);
        try (Central central = Central.start(config, TestBatches.CLOCK);
                KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "rollup-kiosk")) {
            TestBatches.register(central.store(), "v1", "k1");
            kiosk.publish(batch);
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.firstAck(batch.batchId()).isPresent());

            await().atMost(Duration.ofSeconds(15)).until(() -> count(url, "SELECT count(*) FROM report_dirty_days") == 0);
            assertThat(count(url, "SELECT coalesce(sum(check_ins), 0) FROM report_rollup")).isEqualTo(5);
            assertThat(count(url, "SELECT count(*) FROM people")).isPositive();
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, DB.server().user(), DB.server().password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
