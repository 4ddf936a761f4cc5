package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.culturecard.testsupport.postgres.PostgresExtension;

/** {@code CentralMain report ...} against a real PostgreSQL: CSV and JSON files, a linked report, bad arguments. */
class ReportCommandIT {

    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void writesReportsFromTheCommandLine() throws Exception {
        String url = DB.server().createDatabase("central_cli");
        Path config = dir.resolve("central.properties");
        Files.writeString(config, "central.jdbc.url=" + url + "\ncentral.db.user=" + DB.server().user()
                + "\ncentral.mqtt.uri=tcp://127.0.0.1:1883\n");
        Path csv = dir.resolve("venues.csv");
        int code = ReportCommand.run(new String[] {"--config", config.toString(), "--by", "venue", "--period", "week",
                "--from", "2026-03-02", "--to", "2026-03-09", "--out", csv.toString()}, Map.of());
        assertThat(code).isZero();
        assertThat(Files.readString(csv)).isEqualTo("venue,period,check_ins,people,repeat_rate,breadth_mean\n"
                + "ALL,2026-W10,[c],[c],[c],[c]\nALL,ALL,[c],[c],[c],[c]\n");

        Path linkage = dir.resolve("linkage.csv");
        Files.writeString(linkage, LinkageFile.HEADER + "\n" + "ab".repeat(32) + ",11-15,2,no\n");
        Path json = dir.resolve("pp.json");
        code = ReportCommand.run(new String[] {"--config", config.toString(), "--by", "pupil-premium", "--from", "2026-01-01",
                "--to", "2026-02-01", "--format", "json", "--linkage", linkage.toString(), "--out", json.toString()}, Map.of());
        assertThat(code).isZero();
        assertThat(Files.readString(json)).contains("\"by\":\"pupil-premium\"", "\"group\":\"yes\"", "\"group\":\"unlinked\"")
                .doesNotContain("ab".repeat(32));

        assertThat(ReportCommand.run(new String[] {"--config", config.toString(), "--by", "colour", "--from", "2026-01-01",
                "--to", "2026-02-01"}, Map.of())).isNotZero();
    }
}
