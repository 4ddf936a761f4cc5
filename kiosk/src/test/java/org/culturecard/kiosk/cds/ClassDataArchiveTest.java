package org.culturecard.kiosk.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kiosk does with the archive the launcher named: the decision, on a fake memory map. */
class ClassDataArchiveTest {
    @TempDir
    Path dir;

    @Test
    void noArchivePropertyMeansNothingToDo() {
        assertThat(ClassDataArchive.fromSystemProperties(new Properties())).isEmpty();
    }

    @Test
    void anArchiveThisJvmMappedIsKept() throws IOException {
        Path archive = Files.writeString(dir.resolve("kiosk.jsa"), "archive");
        Path maps = Files.writeString(dir.resolve("maps"), "800000000-800e3c000 r--p 00001000 08:01 1234    " + archive + "\n");

        Files.writeString(dir.resolve("kiosk.jsa.trying"), "");

        assertThat(new ClassDataArchive(archive, false, maps).settle()).isEqualTo(ClassDataArchive.Outcome.IN_USE);
        assertThat(archive).exists();
        assertThat(dir.resolve("kiosk.jsa.trying")).as("the launcher's mark, cleared").doesNotExist();
    }

    @Test
    void anArchiveThisJvmDidNotMapIsRemovedForTheNextStartToRemake() throws IOException {
        Path archive = Files.writeString(dir.resolve("kiosk.jsa"), "archive");
        Path maps = Files.writeString(dir.resolve("maps"), "7f00-7f10 r--p 0 08:01 99    " + archive + ".partial\n");

        assertThat(new ClassDataArchive(archive, false, maps).settle())
                .isEqualTo(ClassDataArchive.Outcome.REMOVED_UNUSED);
        assertThat(archive).doesNotExist();
    }

    @Test
    void aDumpWithoutRecordDynamicDumpInfoFailsQuietlyAndLeavesNoFile() {
        Properties properties = new Properties();
        properties.setProperty(ClassDataArchive.ARCHIVE_PROPERTY, dir.resolve("kiosk.jsa").toString());
        properties.setProperty(ClassDataArchive.DUMP_PROPERTY, "true");
        ClassDataArchive archive = ClassDataArchive.fromSystemProperties(properties).orElseThrow();

        assertThat(archive.settle()).isEqualTo(ClassDataArchive.Outcome.FAILED);
        assertThat(dir.resolve("kiosk.jsa")).doesNotExist();
    }
}
