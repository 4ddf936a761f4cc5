package org.culturecard.kiosk.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How bin/culturecard-kiosk assembles the JVM options: jvm.options, then the AppCDS archive, then JAVA_OPTS. */
class KioskLauncherOptionsTest {
    @TempDir
    Path dir;

    private Path home;
    private Path cds;
    private Path archive;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void aKioskFolder() throws IOException {
        home = Files.createDirectories(dir.resolve("kiosk"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("kiosk.jar"), "app");
        Files.writeString(home.resolve("lib/dep.jar"), "dependency");
        Files.writeString(home.resolve("jvm.options"), "# a comment\n\n-XX:+UseSerialGC\n  -Xmx64m  \n");
        cds = dir.resolve("cds");
        archive = cds.resolve("kiosk.jsa");
        env.put("CULTURECARD_KIOSK_HOME", home.toString());
        env.put("CULTURECARD_KIOSK_CDS_DIR", cds.toString());
    }

    @Test
    void theFirstStartAsksTheKioskToWriteItsArchive() {
        List<String> options = options();

        assertThat(options).containsExactly("-XX:+UseSerialGC", "-Xmx64m", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Dculturecard.kiosk.cds.archive=" + archive, "-XX:+RecordDynamicDumpInfo",
                "-Dculturecard.kiosk.cds.dump=true");
        assertThat(cds.resolve("kiosk.jsa.key")).isNotEmptyFile();
    }

    @Test
    void aStartAfterTheArchiveWasWrittenMapsIt() throws IOException {
        options();
        Files.writeString(archive, "an archive");

        assertThat(options()).containsExactly("-XX:+UseSerialGC", "-Xmx64m", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Dculturecard.kiosk.cds.archive=" + archive, "-XX:SharedArchiveFile=" + archive);
        assertThat(archive).exists();
    }

    @Test
    void aStartWithTheArchiveThatNeverReachedTheKiosksCheckMakesANewOne() throws IOException {
        options();
        Files.writeString(archive, "an archive");
        assertThat(options()).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(cds.resolve("kiosk.jsa.trying")).exists();

        assertThat(options()).contains("-XX:+RecordDynamicDumpInfo").noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        assertThat(archive).doesNotExist();
        assertThat(cds.resolve("kiosk.jsa.trying")).doesNotExist();
    }

    @Test
    void aStartAfterTheKioskClearedItsMarkMapsTheArchiveAgain() throws IOException {
        options();
        Files.writeString(archive, "an archive");
        options();
        Files.delete(cds.resolve("kiosk.jsa.trying"));

        assertThat(options()).contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void aChangedJarMakesANewArchive() throws IOException {
        options();
        Files.writeString(archive, "an archive");
        Files.setLastModifiedTime(home.resolve("lib/dep.jar"), FileTime.from(Instant.parse("2031-01-01T00:00:00Z")));

        assertThat(options()).contains("-XX:+RecordDynamicDumpInfo").noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        assertThat(archive).doesNotExist();
    }

    @Test
    void aNewJarInLibMakesANewArchive() throws IOException {
        options();
        Files.writeString(archive, "an archive");
        Files.writeString(home.resolve("lib/another.jar"), "more");

        assertThat(options()).contains("-XX:+RecordDynamicDumpInfo");
    }

    @Test
    void changedOptionsMakeANewArchive() throws IOException {
        options();
        Files.writeString(archive, "an archive");
        Files.writeString(home.resolve("jvm.options"), "-XX:+UseSerialGC\n-Xmx96m\n");

        assertThat(options()).startsWith("-XX:+UseSerialGC", "-Xmx96m").contains("-XX:+RecordDynamicDumpInfo");
    }

    @Test
    void anEmptyArchiveIsNotMapped() throws IOException {
        options();
        Files.writeString(archive, "");

        assertThat(options()).contains("-XX:+RecordDynamicDumpInfo");
    }

    @Test
    void javaOptsComeLastSoThatTheyWin() {
        env.put("JAVA_OPTS", "-Xmx128m -Dx=y");

        assertThat(options()).endsWith("-Xmx128m", "-Dx=y").contains("-Xmx64m");
    }

    @Test
    void archivesCanBeSwitchedOff() {
        env.put("CULTURECARD_KIOSK_CDS", "off");

        assertThat(options()).containsExactly("-XX:+UseSerialGC", "-Xmx64m");
        assertThat(cds).doesNotExist();
    }

    @Test
    void theShippedOptionsAreReadWhenNoHomeIsGiven() throws IOException {
        env.remove("CULTURECARD_KIOSK_HOME");
        env.put("CULTURECARD_KIOSK_CLASSPATH", home.resolve("kiosk.jar").toString());

        List<String> shipped = Files.readAllLines(KioskLauncherScript.DIST.resolve("jvm.options")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(shipped).contains("-XX:+UseSerialGC");
        assertThat(options()).startsWith(shipped.toArray(String[]::new));
    }

    @Test
    void noJarsIsAnError() throws IOException {
        Files.delete(home.resolve("kiosk.jar"));
        Files.delete(home.resolve("lib/dep.jar"));

        KioskLauncherScript.Result result = KioskLauncherScript.run(env, "--print-java-options");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("no jar in " + home);
    }

    private List<String> options() {
        KioskLauncherScript.Result result = KioskLauncherScript.run(env, "--print-java-options");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.lines();
    }
}
