package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.culturecard.core.status.DiskBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageTest {
    @Test
    void alertsAtFiftyAndEightyPercentAndOverTheBudget() {
        assertThat(new DiskUsage(499, 1000).alert()).isEqualTo(DiskBudget.Alert.NONE);
        assertThat(new DiskUsage(500, 1000).alert()).isEqualTo(DiskBudget.Alert.HALF);
        assertThat(new DiskUsage(799, 1000).alert()).isEqualTo(DiskBudget.Alert.HALF);
        assertThat(new DiskUsage(800, 1000).alert()).isEqualTo(DiskBudget.Alert.HIGH);
        assertThat(new DiskUsage(1000, 1000).alert()).isEqualTo(DiskBudget.Alert.OVER);
        assertThat(new DiskUsage(1500, 1000).remainingBytes()).isZero();
        assertThat(new DiskUsage(1500, 1000).percent()).isEqualTo(150);
    }

    @Test
    void countsTheDatabaseItsWalAndSharedMemory(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("kiosk.db");
        Files.write(db, new byte[4096]);
        Files.write(Path.of(db + "-wal"), new byte[1000]);
        assertThat(DiskUsage.of(db, 1 << 20).usedBytes()).isEqualTo(5096);
        Files.write(Path.of(db + "-shm"), new byte[32768]);
        assertThat(DiskUsage.of(db, 1 << 20).usedBytes()).isEqualTo(37864);
    }
}
