package org.culturecard.kioskdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.kioskdb.internal.Connections;

/**
 * The kiosk database as a file: its integrity check (the kiosk's at start, the doctor's read-only),
 * and moving a corrupt file (with its WAL and shared-memory files) aside under a timestamped name.
 * Nothing is deleted: what a corrupt file still holds may be recovered by hand.
 */
public final class KioskDbFiles {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};

    private KioskDbFiles() {}

    /**
     * Runs {@code PRAGMA integrity_check} on {@code file} on a bare connection (no pragmas, which a
     * file that is no database would already fail), read-only for {@link KioskDb.Role#DOCTOR}.
     * Never creates the file.
     */
    public static Integrity checkIntegrity(Path file, KioskDb.Role role) {
        if (!Files.exists(file)) {
            return new Integrity.Absent();
        }
        try (Connection connection = Connections.bare(file, role == KioskDb.Role.DOCTOR);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> findings = new ArrayList<>();
            while (rows.next()) {
                findings.add(rows.getString(1));
            }
            if (findings.isEmpty()) {
                findings.add("no answer");
            }
            return findings.equals(List.of("ok")) ? new Integrity.Sound() : new Integrity.Damaged(findings);
        } catch (SQLException e) {
            return new Integrity.Unreadable(e.getMessage());
        }
    }

    /** Renames {@code file} and its companions to {@code <file>.corrupt-<UTC stamp>}; returns the new name. */
    public static Path moveAside(Path file, Instant now) {
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
            throw new KioskDbException("cannot move the corrupt kiosk database " + file + " aside", e);
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
