package org.culturecard.kioskdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.kioskdb.internal.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code settings} table: one row per {@link SettingKey}, read and written with the key's type. */
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final String UPSERT =
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    private final Connection connection;

    Settings(Connection connection) {
        this.connection = connection;
    }

    /** The row's value; empty when there is no row, or its text does not read as a {@code T} (logged). */
    public <T> Optional<T> get(SettingKey<T> key) throws SQLException {
        Optional<String> text = text(key);
        Optional<T> value = text.flatMap(key::read);
        if (text.isPresent() && value.isEmpty()) {
            LOG.warn("Cannot read the settings row {} '{}'; taken as absent", key, text.get());
        }
        return value;
    }

    /** The row's text as it is stored, whatever it holds. */
    public Optional<String> text(SettingKey<?> key) throws SQLException {
        return Sql.queryString(connection, "SELECT value FROM settings WHERE key = ?", key.name());
    }

    /** Inserts the row or replaces its value. */
    public <T> void put(SettingKey<T> key, T value) throws SQLException {
        Sql.update(connection, UPSERT, key.name(), key.write(value));
    }

    /** {@link SettingKey#READER_STATE}: what the kiosk last wrote about its card readers. */
    public Optional<String> readerState() throws SQLException {
        return get(SettingKey.READER_STATE);
    }

    /** {@link SettingKey#DISK_BUDGET}: the agent's last verdict, if it wrote one the kiosk can read. */
    public Optional<DiskBudget> diskBudget() throws SQLException {
        return get(SettingKey.DISK_BUDGET);
    }

    /** {@link SettingKey#STAFF_AUTH}: the venue's rule, {@link StaffAuth#DEFAULT} when absent or unreadable, so a kiosk never opens up. */
    public StaffAuth staffAuth() throws SQLException {
        return get(SettingKey.STAFF_AUTH).orElse(StaffAuth.DEFAULT);
    }

    /** {@link SettingKey#UNREGISTERED_CARDS}: the venue's choice, {@link UnregisteredCards#DEFAULT} when absent or unreadable. */
    public UnregisteredCards unregisteredCards() throws SQLException {
        return get(SettingKey.UNREGISTERED_CARDS).orElse(UnregisteredCards.DEFAULT);
    }

    /** {@link SettingKey#CONFIG_VERSION}: the version of the last venue config applied, 0 when none. */
    public long appliedConfigVersion() throws SQLException {
        return get(SettingKey.CONFIG_VERSION).orElse(0L);
    }

    /**
     * {@link SettingKey#CENTRAL_KEEPS_STAFF}: true once central manages the venue's staff. False for a
     * store made before the settings table existed: nothing from central has reached it.
     */
    public boolean centralKeepsStaff() throws SQLException {
        return Sql.hasTable(connection, "settings") && get(SettingKey.CENTRAL_KEEPS_STAFF).orElse(false);
    }
}
