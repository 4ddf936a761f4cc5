package org.culturecard.sync.venue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.KioskDbException;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.sync.outbox.OutboxException;

/**
 * The kiosk's {@code events}, {@code staff} and {@code settings} tables, seen from the sync agent
 * through kiosk-db (ADR 26): central's venue snapshots are applied here, and the events staff made
 * on the kiosk are read from here to be sent up. Settings rows pass both ways: the kiosk's
 * {@link SettingKey#READER_STATE} is read, the agent's {@link SettingKey#DISK_BUDGET} verdict written.
 *
 * <p>Applying a snapshot is one transaction: events are upserted with origin {@code central} and the
 * snapshot's version (their {@code active} and {@code closed} flags, which belong to staff, are left
 * alone); central-origin events that the snapshot no longer lists are closed; the version is kept in
 * {@link SettingKey#CONFIG_VERSION}, and a snapshot not newer than it is ignored (retained messages
 * come again on every reconnect, and may arrive out of order after a broker restart).
 *
 * <p>A v2 snapshot's staff part is applied in the same transaction ({@link VenueStaffRows}): the
 * venue's staff-auth setting, and, once central manages the venue's staff, its whole staff list in
 * place of what the kiosk held. A v1 snapshot leaves staff alone.
 *
 * <p>Thread-safe: one connection, one caller at a time.
 */
public final class SqliteVenueEvents implements AutoCloseable {
    private final KioskDb db;

    private SqliteVenueEvents(KioskDb db) {
        this.db = db;
    }

    /** Opens the kiosk's database (WAL, busy timeout 5 s); the file must exist, the kiosk owns it. */
    public static SqliteVenueEvents open(Path database) {
        try {
            return new SqliteVenueEvents(KioskDb.open(database, KioskDb.Role.SYNC_AGENT));
        } catch (KioskDbException e) {
            throw new OutboxException("cannot open the events of " + database + ": " + e.getMessage(), e);
        }
    }

    /** What the kiosk last wrote about its card readers ({@link SettingKey#READER_STATE}), or null. */
    public String readerState() {
        return db.read("read the reader state", t -> t.settings().readerState()).orElse(null);
    }

    /**
     * Writes the agent's disk-budget verdict ({@link SettingKey#DISK_BUDGET}) in its own transaction:
     * the kiosk's staff status screen shows it, and only the agent knows the budget.
     */
    public void putDiskBudget(DiskBudget verdict) {
        db.write("write the disk-budget verdict", t -> {
            t.settings().put(SettingKey.DISK_BUDGET, verdict);
            return null;
        });
    }

    /** The version of the last snapshot applied, 0 when none. */
    public long appliedVersion() {
        return db.read("read the applied config version", t -> t.settings().appliedConfigVersion());
    }

    /**
     * Applies {@code snapshot} if it is newer than the last one applied; returns how many central
     * events it closed, or -1 when the snapshot was not newer and nothing changed.
     */
    public int apply(VenueConfig snapshot, Instant now) {
        return db.write("apply venue config version " + snapshot.version(), t -> {
            if (snapshot.version() <= t.settings().appliedConfigVersion()) {
                return -1;
            }
            t.events().upsertFromCentral(snapshot.events(), snapshot.version(), now);
            int closed = t.events().closeCentralBefore(snapshot.version(), now);
            if (snapshot.staffPart().isPresent()) {
                VenueStaffRows.apply(t, snapshot.staffPart().get(), snapshot.version(), now);
            }
            t.settings().put(SettingKey.UNREGISTERED_CARDS, snapshot.unregisteredCardsOrDefault());
            t.settings().put(SettingKey.CONFIG_VERSION, snapshot.version());
            return closed;
        });
    }

    /** Events staff made or changed on this kiosk that central has not had yet (oldest first, at most {@code max}). */
    public List<KioskEvent> unpublished(int max) {
        return db.read("read unpublished kiosk events", t -> t.events().unpublished(max, KioskEvent::new));
    }

    /**
     * Marks these events published, each only if it has not changed since it was read (a change made
     * while the message was on its way is sent again). Returns how many were marked.
     */
    public int markPublished(List<KioskEvent> sent) {
        return db.write("mark kiosk events published", t -> {
            int marked = 0;
            for (KioskEvent event : sent) {
                marked += t.events().markPublished(event.event().id(), event.updatedAt());
            }
            return marked;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
