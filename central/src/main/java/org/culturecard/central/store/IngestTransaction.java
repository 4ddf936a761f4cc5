package org.culturecard.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.WireCodec;

/**
 * Stores a group of admitted batches in one transaction and binds each check-in to its event:
 * a general visit or an event of the record's own venue is stored; an event of another venue is
 * refused and the record kept whole in the dead letters; an event central does not know yet is
 * held until it arrives (see {@link HeldCheckIns}). Records refused by validation are kept whole
 * here too, in the same transaction, because the kiosk deletes what the ack confirms.
 */
final class IngestTransaction {

    private static final WireCodec CODEC = new WireCodec();

    private IngestTransaction() {
    }

    /** Runs inside the caller's transaction; returns one result per admission, in order. */
    static List<IngestResult> run(Connection connection, List<Admission> admissions, Instant receivedAt) throws SQLException {
        Set<UUID> eventIds = new TreeSet<>();
        admissions.forEach(a -> a.admitted().forEach(p -> {
            if (p.record().eventId() != null) {
                eventIds.add(p.record().eventId());
            }
        }));
        CheckInRows.lockEvents(connection, eventIds);
        Map<UUID, String> eventVenues = eventVenues(connection, eventIds);
        List<IngestResult> results = new ArrayList<>(admissions.size());
        List<Instant> dirty = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (Admission admission : admissions) {
            results.add(store(connection, admission, eventVenues, receivedAt, dirty, tokens));
        }
        CheckInRows.markTokensDirty(connection, tokens);
        CheckInRows.markDaysDirty(connection, dirty);
        return results;
    }

    private static IngestResult store(Connection connection, Admission admission, Map<UUID, String> eventVenues,
            Instant receivedAt, List<Instant> dirty, List<String> tokens) throws SQLException {
        List<PlacedCheckIn> stored = new ArrayList<>();
        List<PlacedCheckIn> held = new ArrayList<>();
        List<RecordRefusal> refused = new ArrayList<>(admission.refused());
        for (PlacedCheckIn placed : admission.admitted()) {
            UUID event = placed.record().eventId();
            String owner = event == null ? null : eventVenues.get(event);
            if (event == null || placed.record().venueId().value().equals(owner)) {
                stored.add(placed);
            } else if (owner == null) {
                held.add(placed);
            } else {
                refused.add(new RecordRefusal(placed.record(), ReasonClass.FOREIGN_EVENT, "check-in " + placed.record().id()
                        + " names event " + event + " of venue " + owner + ", not of " + placed.record().venueId()));
            }
        }
        int inserted = CheckInRows.insert(connection, stored, receivedAt);
        int newlyHeld = CheckInRows.hold(connection, held, receivedAt);
        stored.stream().filter(PlacedCheckIn::reported).forEach(p -> {
            dirty.add(p.tappedAt());
            tokens.add(p.record().token().value());
        });
        for (RecordRefusal refusal : refused) {
            keepWhole(connection, admission, refusal, receivedAt);
        }
        int duplicates = stored.size() + held.size() - inserted - newlyHeld;
        return new IngestResult(inserted, duplicates, newlyHeld, refused);
    }

    private static Map<UUID, String> eventVenues(Connection connection, Set<UUID> ids) throws SQLException {
        Map<UUID, String> venues = new HashMap<>();
        if (ids.isEmpty()) {
            return venues;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id, venue_id FROM events WHERE event_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    venues.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return venues;
    }

    /**
     * Keeps a refused record whole: its payload is a one-record batch with the original envelope,
     * which {@code CentralMain dead-letters replay} sends through ingest again. A record already
     * kept (a redelivery) is kept once.
     */
    private static void keepWhole(Connection connection, Admission admission, RecordRefusal refusal, Instant receivedAt)
            throws SQLException {
        CheckInBatch envelope = admission.batch();
        CheckIn record = refusal.record();
        byte[] payload = CODEC.encode(CheckInBatch.of(envelope.batchId(), envelope.kioskId(), envelope.venueId(),
                envelope.bootId(), envelope.sentAt(), List.of(record)));
        DeadLetter letter = new DeadLetter(admission.topic(), envelope.kioskId().value(), refusal.reasonClass(),
                refusal.reason(), payload, payload.length, record.id());
        DeadLetterTable.insert(connection, letter, receivedAt);
    }
}
