package org.culturecard.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncAgentMainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void takesTheConfigFileFromTheCommandLine() {
        assertThat(SyncAgentMain.parse(new String[] {"--config", "/etc/sync.properties"}, err))
                .isEqualTo(Path.of("/etc/sync.properties"));
        assertThat(SyncAgentMain.parse(new String[] {"--config=/etc/s.properties"}, err))
                .isEqualTo(Path.of("/etc/s.properties"));
    }

    @Test
    void printsUsageForAnythingElse() {
        assertThat(SyncAgentMain.parse(new String[] {"--help"}, err)).isNull();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("usage: sync-agent --config FILE")
                .contains("CULTURECARD_SYNC_BROKER_URI");
    }

    @Test
    void saysWhichKeyIsWrongInABadConfig() throws Exception {
        Path file = Files.writeString(dir.resolve("sync.properties"),
                "broker.uri=tcp://a:1883\nkiosk.id=KIOSK\nvenue.id=v\ndatabase.path=/tmp/k.db\n");

        assertThat(SyncAgentMain.loadOrNull(file, Map.of(), err)).isNull();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("kiosk.id");
    }
}
