package org.culturecard.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresServerIT {

    @Test
    void answersAJdbcQueryOnItsLoopbackPort(PostgresServer db) throws Exception {
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + db.port() + "/postgres");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version_num')::int, current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(150000);
            assertThat(rs.getString(2)).isEqualTo("postgres");
        }
    }

    @Test
    void createsAnIsolatedDatabase(PostgresServer db) throws Exception {
        String url = db.createDatabase("isolated_one");
        try (Connection connection = DriverManager.getConnection(url, db.user(), db.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (v int)");
            statement.execute("INSERT INTO t VALUES (42)");
            try (ResultSet rs = statement.executeQuery("SELECT current_database(), v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("isolated_one");
                assertThat(rs.getInt(2)).isEqualTo(42);
            }
        }
    }

    @Test
    void restartAndCrashKeepThePortAndTheCommittedData() throws Exception {
        try (PostgresServer db = PostgresServer.create().start()) {
            int port = db.port();
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (v text)");
                statement.execute("INSERT INTO kept VALUES ('before restart')");
            }
            db.restart();
            assertThat(db.port()).isEqualTo(port);
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO kept VALUES ('before kill')");
            }
            db.kill();
            assertThat(db.isRunning()).isFalse();
            db.start();
            try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }
}
