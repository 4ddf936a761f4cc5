package org.culturecard.provisioning.internal.staff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.privacy.Token;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.KioskDbException;
import org.culturecard.kioskdb.Tables;

/**
 * A kiosk's own {@code staff} table, written through kiosk-db as {@link KioskDb.Role#PROVISIONING}
 * (the file must exist, and is never migrated: only version 1's staff columns are written). A staff
 * member is found by display name: adding a PIN or a card to an existing name updates that row. For
 * kiosks whose venue's staff central does not keep yet: once it does (the sync agent wrote
 * {@code staff.source = central}), the kiosk's own rows are gone and this refuses, pointing at
 * {@code --central} (ADR 0012).
 */
public final class StaffTable {

    /** Whether a row was inserted or an existing staff member updated. */
    public enum Change { ADDED, UPDATED }

    private final Path database;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public StaffTable(Path database, Clock clock, Supplier<UUID> ids) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Sets the PIN hash of the staff member of this name, adding them if new.
     *
     * @throws IllegalStateException when there is no kiosk database there, or central keeps the venue's staff
     * @throws KioskDbException      when the database cannot be written
     */
    public Change setPin(String name, String pinHash) {
        return write(name, "set the PIN of a staff member", (tables, id) -> tables.staff().setPin(id, name, pinHash,
                clock.instant()));
    }

    /** Enrols the staff card of the staff member of this name, adding them if new; fails as {@link #setPin} does. */
    public Change setCard(String name, Token cardToken) {
        return write(name, "enrol a staff card", (tables, id) -> tables.staff().enrolCard(id, name, cardToken,
                clock.instant()));
    }

    private interface Row {
        void write(Tables tables, UUID id) throws SQLException;
    }

    private Change write(String name, String what, Row row) {
        if (!Files.isRegularFile(database)) {
            throw new IllegalStateException("no kiosk database at " + database
                    + " (start the kiosk once so it creates its store)");
        }
        try (KioskDb db = KioskDb.open(database, KioskDb.Role.PROVISIONING)) {
            return db.write(what, tables -> {
                if (tables.settings().centralKeepsStaff()) {
                    throw new IllegalStateException("central keeps the staff of this kiosk's venue: use --central,"
                            + " --token-file and --venue instead of --db (a row written here would be deleted at the next config)");
                }
                Optional<UUID> existing = tables.staff().idByName(name);
                row.write(tables, existing.orElseGet(ids));
                return existing.isPresent() ? Change.UPDATED : Change.ADDED;
            });
        }
    }
}
