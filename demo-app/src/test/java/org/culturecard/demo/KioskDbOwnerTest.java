package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.culturecard.demo.fixtures.RawSqliteOpener;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.internal.Connections;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing but kiosk-db opens the kiosk's SQLite file (ADR 26). ArchUnit ({@link ArchitectureTest})
 * sees imports and calls: {@code org.sqlite} classes and {@code DriverManager}. A JDBC URL in a
 * string needs neither, so the main sources of every module are also searched for
 * {@code jdbc:sqlite}. Both checks are run on a bad fixture too, so that they cannot pass by
 * seeing nothing.
 */
class KioskDbOwnerTest {
    /** The reactor's root: surefire runs each module's tests with {@code basedir} set to the module. */
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    private static final String SQLITE_URL = "jdbc:sqlite";

    @TempDir
    Path temp;

    @Test
    void noMainSourceOutsideKioskDbNamesASqliteUrl() throws IOException {
        assertThat(ROOT.resolve("kiosk-db/src/main/java")).isDirectory();
        assertThat(sqliteUrlsOutsideKioskDb(ROOT)).isEmpty();
    }

    @Test
    void theSourceScanFindsASqliteUrlInAModuleButNotInKioskDbOrInTests() throws IOException {
        write(temp.resolve("kiosk/src/main/java/org/example/Bad.java"), "String url = \"jdbc:sqlite:\" + file;");
        write(temp.resolve("kiosk/src/test/java/org/example/BadTest.java"), "String url = \"jdbc:sqlite:\" + file;");
        write(temp.resolve("kiosk-db/src/main/java/org/example/Owner.java"), "String url = \"jdbc:sqlite:\" + file;");

        assertThat(sqliteUrlsOutsideKioskDb(temp)).containsExactly("kiosk/src/main/java/org/example/Bad.java:1");
    }

    @Test
    void theArchitectureRulesFindABadFixtureAndPassKioskDbAndItsUsers() {
        JavaClasses bad = new ClassFileImporter().importClasses(RawSqliteOpener.class);
        assertThat(ArchitectureTest.onlyKioskDbTouchesSqlite.evaluate(bad).hasViolation()).isTrue();
        assertThat(ArchitectureTest.onlyKioskDbAndThePostgresHarnessCallDriverManager.evaluate(bad).getFailureReport()
                .getDetails()).singleElement().asString().contains("DriverManager.getConnection");

        JavaClasses throughTheOwner = new ClassFileImporter().importClasses(KioskDb.class, Connections.class,
                SqliteKioskStore.class, SqliteOutbox.class);
        assertThat(ArchitectureTest.onlyKioskDbTouchesSqlite.evaluate(throughTheOwner).hasViolation()).isFalse();
        assertThat(ArchitectureTest.onlyKioskDbAndThePostgresHarnessCallDriverManager.evaluate(throughTheOwner)
                .hasViolation()).isFalse();
    }

    /** Each line of a module's main sources, outside kiosk-db, that names a SQLite JDBC URL, as "path:line". */
    static List<String> sqliteUrlsOutsideKioskDb(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> !m.getFileName().toString().equals("kiosk-db")).sorted().toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        List<String> lines = Files.readAllLines(file);
                        for (int i = 0; i < lines.size(); i++) {
                            if (lines.get(i).contains(SQLITE_URL)) {
                                found.add(root.relativize(file) + ":" + (i + 1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static void write(Path file, String line) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n");
    }
}
