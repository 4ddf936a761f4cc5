package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.testsupport.postgres.PostgresServer;

/** The places a secret must never be, read whole for the privacy checks: SQLite files, PostgreSQL, raw bytes. */
final class PrivacySearch {
    private PrivacySearch() {}

    /** The SQLite database and, when they exist, its write-ahead log and shared memory. */
    static List<Path> sqliteFiles(Path database) {
        List<Path> files = new ArrayList<>();
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = Path.of(database + suffix);
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        assertThat(files).contains(database);
        return files;
    }

    /** Every row of every table in the public schema, as text, one line per row. */
    static String dumpAllTables(String jdbcUrl, PostgresServer postgres) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("check_ins");
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        dump.append(table).append(": ").append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
