package org.culturecard.kiosk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opening-time checks on the database file: {@code PRAGMA integrity_check}, and moving a corrupt
 * file (with its WAL and shared-memory files) aside under a timestamped name. Nothing is deleted:
 * what a corrupt file still holds may be recovered by hand.
 */
final class SqliteFiles {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};

    private SqliteFiles() {}

    /** The problem found in {@code file}, or empty when it is absent or passes the check. */
    static Optional<String> integrityProblem(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> findings = new ArrayList<>();
            while (rows.next()) {
                findings.add(rows.getString(1));
            }
            return findings.equals(List.of("ok")) ? Optional.empty() : Optional.of(String.join("; ", findings));
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Renames {@code file} and its companions to {@code <file>.corrupt-<UTC stamp>}; returns the new name. */
    static Path moveAside(Path file, Instant now) {
        Path target = freeName(file, file.getFileName() + ".corrupt-" + STAMP.format(now));
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : COMPANIONS) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(companion, target.resolveSibling(target.getFileName() + suffix),
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return target;
        } catch (IOException e) {
            throw new KioskStoreException("cannot move the corrupt store " + file + " aside", e);
        }
    }

    private static Path freeName(Path file, String base) {
        Path candidate = file.resolveSibling(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "-" + n);
        }
        return candidate;
    }
}
