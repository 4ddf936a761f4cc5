package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.culturecard.testsupport.sip2.Sip2TestPatron;

/** The places a secret must never be, read whole for the privacy checks: SQLite files, PostgreSQL, raw bytes. */
final class PrivacySearch {
    private PrivacySearch() {}

    /**
     * What identifies a card holder and must appear in no store, message or log (issue 13): for each
     * of the SIP2 test server's patrons its barcode, PIN, name (and each part of it) and birth date
     * (ISO, SIP2's yyyyMMdd, and dd/MM/yyyy); a staff PIN; and card UIDs as hex (either case, spaced
     * or not) and as raw bytes. Searched case-insensitively, in text and in raw bytes.
     */
    record Secrets(List<String> texts, List<byte[]> raw) {
        static Secrets of(List<Sip2TestPatron> patrons, String staffPin, List<byte[]> uids) {
            List<String> texts = new ArrayList<>(List.of(staffPin));
            List<byte[]> raw = new ArrayList<>(uids);
            for (Sip2TestPatron patron : patrons) {
                texts.add(patron.barcode());
                texts.add(patron.name());
                texts.addAll(List.of(patron.name().split(" ")));
                if (patron.pin() != null) {
                    texts.add(patron.pin());
                }
                if (patron.birthDate() != null) {
                    for (String pattern : List.of("yyyy-MM-dd", "yyyyMMdd", "dd/MM/yyyy")) {
                        texts.add(DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(patron.birthDate()));
                    }
                }
            }
            for (byte[] uid : uids) {
                texts.add(HexFormat.of().formatHex(uid));
                texts.add(HexFormat.ofDelimiter(" ").formatHex(uid));
                texts.add(HexFormat.ofDelimiter(":").formatHex(uid));
            }
            return new Secrets(texts.stream().distinct().toList(), raw);
        }

        /** None of them in these files (read as bytes), this database dump, these MQTT payloads or log lines. */
        void assertNotIn(List<Path> files, String databaseDump, List<RecordingMqttClient.Message> messages,
                         List<String> logLines) throws java.io.IOException {
            for (Path file : files) {
                assertNotIn(Files.readAllBytes(file), file.toString());
            }
            assertNotIn(databaseDump.getBytes(StandardCharsets.UTF_8), "PostgreSQL");
            for (RecordingMqttClient.Message message : messages) {
                assertNotIn(message.payload(), "MQTT " + message.topic());
            }
            assertNotIn(String.join("\n", logLines).getBytes(StandardCharsets.UTF_8), "the log");
        }

        private void assertNotIn(byte[] bytes, String where) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            for (String secret : texts) {
                assertThat(text.contains(secret.toLowerCase(Locale.ROOT))).as("a secret (" + secret.length()
                        + " characters) in " + where).isFalse();
            }
            for (byte[] uid : raw) {
                assertThat(indexOf(bytes, uid)).as("raw UID bytes in " + where).isEqualTo(-1);
            }
        }
    }

    /** Every file in {@code directory} (the kiosk's database, its WAL, the enrolled-card filter, the key). */
    static List<Path> filesIn(Path directory) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

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
