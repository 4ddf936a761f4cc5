package org.culturecard.sync.outbox;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.KioskDbException;

/**
 * The kiosk's enrolment outbox (kiosk-db's {@code EnrolmentOutbox}), seen from the sync agent: the
 * records central has not acknowledged, and marking them delivered on its ack. Opened as
 * {@link KioskDb.Role#SYNC_AGENT} on its own connection. Thread-safe: one caller at a time.
 */
public final class SqliteEnrolments implements AutoCloseable {
    private final KioskDb db;

    private SqliteEnrolments(KioskDb db) {
        this.db = db;
    }

    /** Opens the kiosk's database (which must exist) for the enrolment outbox. */
    public static SqliteEnrolments open(Path database) {
        try {
            return new SqliteEnrolments(KioskDb.open(database, KioskDb.Role.SYNC_AGENT));
        } catch (KioskDbException e) {
            throw new OutboxException("cannot open the enrolment outbox in " + database + ": " + e.getMessage(), e);
        }
    }

    /** At most {@code limit} records central has not acknowledged, oldest first. */
    public List<Enrolment> pending(int limit) {
        return db.read("read pending enrolments", t -> t.enrolments().pending(limit));
    }

    /** Central committed these records: they are delivered. Returns how many became so now (0 for a repeat). */
    public int markDelivered(Collection<UUID> ids, Instant at) {
        return db.write("mark enrolments delivered", t -> t.enrolments().markDelivered(ids, at));
    }

    /** How many enrolment records central has not acknowledged. */
    public long backlogCount() {
        return db.read("count the enrolment backlog", t -> t.enrolments().backlog());
    }

    @Override
    public void close() {
        db.close();
    }
}
