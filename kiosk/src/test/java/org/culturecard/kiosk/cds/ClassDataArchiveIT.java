package org.culturecard.kiosk.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AppCDS archive made for real: JVMs started through bin/culturecard-kiosk on the module's jar
 * (CDS archives classes from jars only), with {@link ClassDataArchive#main} as the main class, so
 * the first start writes the archive through JDK 17's VM.cds dynamic_dump and the next one maps it.
 */
class ClassDataArchiveIT {
    @TempDir
    Path dir;

    private Path cds;
    private Path archive;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void aKioskOnTheModulesJars() throws IOException {
        Path kioskJar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            kioskJar = jars.filter(p -> p.getFileName().toString().matches("kiosk-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-tests.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no kiosk jar in target: run mvn verify"));
        }
        Path lib = Files.createDirectories(dir.resolve("kiosk/lib"));
        Files.copy(kioskJar, dir.resolve("kiosk/kiosk.jar"));
        List<String> classpath = new ArrayList<>(List.of(dir.resolve("kiosk/kiosk.jar").toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("slf4j-api") || name.startsWith("logback-")) {
                classpath.add(Files.copy(Path.of(entry), lib.resolve(name)).toString());
            }
        }
        Files.copy(KioskLauncherScript.DIST.resolve("jvm.options"), dir.resolve("kiosk/jvm.options"));
        cds = dir.resolve("cds");
        archive = cds.resolve("kiosk.jsa");
        env.put("CULTURECARD_KIOSK_HOME", dir.resolve("kiosk").toString());
        env.put("CULTURECARD_KIOSK_CLASSPATH", String.join(File.pathSeparator, classpath));
        env.put("CULTURECARD_KIOSK_CDS_DIR", cds.toString());
        env.put("CULTURECARD_KIOSK_MAIN", ClassDataArchive.class.getName());
    }

    @Test
    void theFirstStartWritesTheArchiveAndTheNextMapsIt() {
        assertThat(start()).isEqualTo("WRITTEN");
        assertThat(archive).isNotEmptyFile();
        assertThat(cds.resolve("kiosk.jsa.partial")).doesNotExist();

        assertThat(start()).isEqualTo("IN_USE");
        assertThat(start()).isEqualTo("IN_USE");
    }

    @Test
    void anArchiveTheJvmRejectsIsRemovedQuietlyAndMadeAgain() throws IOException {
        assertThat(start()).isEqualTo("WRITTEN");
        Files.writeString(archive, "not an archive, but the launcher's fingerprint still matches");

        assertThat(start()).isEqualTo("REMOVED_UNUSED");
        assertThat(archive).doesNotExist();
        assertThat(start()).isEqualTo("WRITTEN");
        assertThat(start()).isEqualTo("IN_USE");
    }

    @Test
    void anArchiveCutShortCrashesOneStartOnlyAndTheNextMakesANewOne() throws IOException {
        env.put("JAVA_OPTS", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"));
        assertThat(start()).isEqualTo("WRITTEN");
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2)); // as a power cut before the fsync would

        KioskLauncherScript.Result bad = KioskLauncherScript.run(env);
        assertThat(bad.exitCode() != 0 || bad.stdout().contains("REMOVED_UNUSED"))
                .as("JDK 17 dies of SIGBUS on it (or, if it ever declines it, the kiosk removes it): " + bad.stdout())
                .isTrue();

        assertThat(start()).isEqualTo("WRITTEN");
        assertThat(start()).isEqualTo("IN_USE");
    }

    @Test
    void aChangedJarIsNoticedByTheLauncherBeforeTheJvmStarts() throws IOException {
        assertThat(start()).isEqualTo("WRITTEN");
        Files.setLastModifiedTime(dir.resolve("kiosk/kiosk.jar"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        assertThat(start()).isEqualTo("WRITTEN");
        assertThat(start()).isEqualTo("IN_USE");
    }

    /** Starts the JVM through the launcher; returns the outcome it printed, after checking it printed nothing else. */
    private String start() {
        KioskLauncherScript.Result result = KioskLauncherScript.run(env);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        List<String> lines = result.lines().stream().filter(l -> !l.isBlank())
                .filter(l -> !l.contains(" INFO ") && !l.contains("Dynamic dump to file")).toList();
        assertThat(lines).as("stdout of a kiosk start: no CDS warnings").hasSize(1);
        assertThat(result.stderr()).doesNotContainIgnoringCase("warning");
        return lines.get(0);
    }
}
