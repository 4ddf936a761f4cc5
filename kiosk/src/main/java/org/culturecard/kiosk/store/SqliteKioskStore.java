package org.culturecard.kiosk.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.event.Event;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.KioskDbFiles;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.kioskdb.StaffRow;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.kioskdb.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's local store: its operations on the kiosk database, which kiosk-db owns (opening,
 * schema, tables; ADR 26). A check-in and its outbox row (the sync agent's only durable queue) are
 * written in one transaction, on disk before this returns, so that a check-in the screen has
 * acknowledged survives a power cut. A file that fails {@code PRAGMA integrity_check} at open is
 * moved aside and replaced, and {@link #health()} says so.
 *
 * <p>One connection, one caller at a time: the kiosk is the only writer of check-ins, and the sync
 * agent (another process) waits on the busy timeout.
 */
public final class SqliteKioskStore implements CheckInStore, EnrolmentStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteKioskStore.class);

    private final KioskDb db;
    private final StoreHealth health;
    private final Clock clock;
    private final WireCodec codec = new WireCodec();

    private SqliteKioskStore(KioskDb db, StoreHealth health, Clock clock) {
        this.db = db;
        this.health = health;
        this.clock = clock;
    }

    /**
     * Opens (creating or migrating) the store at {@code file}. A corrupt file is moved aside to
     * {@code <file>.corrupt-<UTC time>} and a fresh store is created in its place.
     */
    public static SqliteKioskStore open(Path file, Clock clock) {
        StoreHealth health = KioskDbFiles.checkIntegrity(file, KioskDb.Role.KIOSK).problem()
                .map(problem -> recover(file, problem, clock))
                .orElseGet(() -> StoreHealth.healthy(file));
        return new SqliteKioskStore(KioskDb.open(file, KioskDb.Role.KIOSK), health, clock);
    }

    private static StoreHealth recover(Path file, String problem, Clock clock) {
        Path aside = KioskDbFiles.moveAside(file, clock.instant());
        LOG.error("The kiosk store {} failed its integrity check ({}); moved it to {} and started a new one",
                file, problem, aside);
        return StoreHealth.recovered(file, aside, problem);
    }

    /** What the store found at open; staff see an alert when it recovered from corruption. */
    public StoreHealth health() {
        return health;
    }

    // ---- check-ins and the outbox ----

    /**
     * Writes the check-in and its outbox row in one transaction, committed (on disk) before this
     * returns. The check-in gets the next gap-free {@code seq}. Returns empty, writing nothing,
     * when the young person already checked in to this event (or, with no event, visited today).
     */
    public Optional<CheckIn> recordCheckIn(PendingCheckIn pending) {
        return db.write("record a check-in", t -> insertWithOutbox(t, pending));
    }

    @Override
    public VisitOutcome recordVisit(VisitRequest request) {
        return db.write("record a visit", t -> {
            Optional<Event> event = t.events().active().filter(e -> request.tappedAt().isBefore(e.endsAt()));
            boolean already = event.isPresent() ? t.checkIns().hasCheckedInToEvent(request.token(), event.get().id())
                    : t.checkIns().hasGeneralVisitOn(request.token(), request.visitDay());
            Optional<CheckIn> recorded = already ? Optional.empty()
                    : insertWithOutbox(t, request.toEvent(event.map(Event::id).orElse(null)));
            if (recorded.isEmpty()) {
                return new VisitOutcome.AlreadyRecorded(event);
            }
            List<PendingAward> awards = t.awards().forToken(request.token());
            for (PendingAward award : awards) { // shown on this tap's screen: never again (ADR 37)
                t.awards().markShown(request.token(), award.achievementId(), request.tappedAt());
            }
            return new VisitOutcome.Recorded(recorded.get(), event,
                    t.checkIns().visitDaysInYear(request.token(), Year.from(request.visitDay())), awards);
        });
    }

    /** Inside a write: the check-in and its outbox row, or empty (nothing written) for a duplicate. */
    private Optional<CheckIn> insertWithOutbox(Tables t, PendingCheckIn pending) throws SQLException {
        CheckIn checkIn = pending.withSeq(t.checkIns().nextSeq());
        if (!t.checkIns().insert(checkIn, pending.visitDay())) {
            return Optional.empty();
        }
        t.outbox().add(checkIn.seq(), checkIn.id(), new String(codec.encode(checkIn), StandardCharsets.UTF_8),
                clock.instant());
        return Optional.of(checkIn);
    }

    /** True when this token has checked in to this event. */
    public boolean hasCheckedInToEvent(Token token, UUID eventId) {
        return db.read("look for a check-in to an event", t -> t.checkIns().hasCheckedInToEvent(token, eventId));
    }

    /** True when this token has a general (no event) visit recorded on this local day. */
    public boolean hasGeneralVisitOn(Token token, LocalDate day) {
        return db.read("look for a visit", t -> t.checkIns().hasGeneralVisitOn(token, day));
    }

    /** The number of distinct days in {@code year} on which this token checked in here. */
    public int visitDaysInYear(Token token, Year year) {
        return db.read("count visit days", t -> t.checkIns().visitDaysInYear(token, year));
    }

    /** Check-ins not yet acknowledged by central. */
    public long outboxBacklog() {
        return db.read("count the outbox backlog", t -> t.outbox().backlog());
    }

    /** When the last check-in was recorded, if any. */
    public Optional<Instant> lastCheckInAt() {
        return db.read("read the last check-in time", t -> t.checkIns().lastTappedAt());
    }

    // ---- events ----

    /** Inserts or updates an event's details; leaves its active and closed flags alone. */
    public void upsertEvent(Event event, EventOrigin origin) {
        db.write("save event " + event.id(), t -> {
            t.events().upsert(event, origin, clock.instant());
            return null;
        });
    }

    /**
     * Saves an event made or changed by staff on this kiosk: origin {@code kiosk}, and marked
     * unpublished so that the sync agent sends it (again) to central.
     */
    public void saveKioskEvent(Event event) {
        db.write("save event " + event.id(), t -> {
            t.events().saveKioskMade(event, clock.instant());
            return null;
        });
    }

    /** Events that overlap the local day {@code day} (in the clock's zone), closed ones included, by start. */
    public List<StoredEvent> eventsOn(LocalDate day) {
        ZoneId zone = clock.getZone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return db.read("read the events of " + day, t -> t.events().overlapping(from, to));
    }

    /** The event staff made active and have not closed: taps count against it. */
    public Optional<Event> activeEvent() {
        return db.read("read the active event", t -> t.events().active());
    }

    /** Makes this event the active one (and no other). False when it is unknown or closed. */
    public boolean makeActive(UUID eventId) {
        return db.write("make event " + eventId + " active", t -> t.events().makeActive(eventId, clock.instant()));
    }

    /** Closes the event: no more check-ins count against it. False when it is unknown. */
    public boolean closeEvent(UUID eventId) {
        return db.write("close event " + eventId, t -> t.events().close(eventId, clock.instant()));
    }

    /** True once the sync agent has sent this event to central (kiosk-made events start unpublished). */
    public boolean isPublished(UUID eventId) {
        return db.read("read whether event " + eventId + " is published", t -> t.events().isPublished(eventId));
    }

    // ---- staff and settings ----

    /** Enrols a staff member's card on this kiosk (origin {@code kiosk}; tests and the demo). */
    public void enrolStaffCard(UUID staffId, String displayName, Token cardToken) {
        db.write("enrol a staff card", t -> {
            t.staff().enrolCard(staffId, displayName, cardToken, clock.instant());
            return null;
        });
    }

    /** Sets a staff member's PIN hash (from {@code PinHasher}), creating the staff member if new. */
    public void setStaffPin(UUID staffId, String displayName, String pinHash) {
        db.write("set a staff PIN", t -> {
            t.staff().setPin(staffId, displayName, pinHash, clock.instant());
            return null;
        });
    }

    /** Every staff member who has a PIN and is not revoked, oldest first: the candidates for a PIN alone. */
    public List<StaffRow> staffPins() {
        return db.read("read staff PINs", t -> t.staff().withPins());
    }

    /** The staff member whose enrolled card has this token, revoked or not. */
    @Override
    public Optional<StaffRow> staffByCard(Token cardToken) {
        return db.read("find a staff card", t -> t.staff().byCard(cardToken));
    }

    /** The staff member with this id, revoked or not. */
    public Optional<StaffRow> staffById(UUID staffId) {
        return db.read("find a staff member", t -> t.staff().byId(staffId));
    }

    // ---- enrolments (tokens and the band only) ----

    @Override
    public Optional<UUID> staffIdByName(String displayName) {
        return db.read("read a staff id", t -> t.staff().idByName(displayName));
    }

    @Override
    public void append(Enrolment record) {
        db.write("record enrolment " + record.id(), t -> t.enrolments().append(record));
    }

    /** How many enrolment records central has not acknowledged. */
    public long enrolmentBacklog() {
        return db.read("count the enrolment backlog", t -> t.enrolments().backlog());
    }

    @Override
    public List<Enrolment> undoableToday() {
        Instant dayStart = LocalDate.ofInstant(clock.instant(), clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
        return db.read("read today's enrolments", t -> t.enrolments().undoableSince(dayStart));
    }

    /** The display name of the staff member whose enrolled card has this token. */
    public Optional<String> staffNameForCard(Token cardToken) {
        return staffByCard(cardToken).map(StaffRow::displayName);
    }

    /** What the venue says to a card that is not registered, as the sync agent last wrote it from the venue config. */
    public UnregisteredCards unregisteredCards() {
        return db.read("read what to say to an unregistered card", t -> t.settings().unregisteredCards());
    }

    /** The venue's staff-auth setting, as the sync agent last wrote it from the venue config. */
    @Override
    public StaffAuth staffAuth() {
        return db.read("read the staff sign-in rule", t -> t.settings().staffAuth());
    }

    /** A settings row, empty when absent or unreadable. */
    public <T> Optional<T> setting(SettingKey<T> key) {
        return db.read("read setting " + key, t -> t.settings().get(key));
    }

    /** Writes a settings row in its own transaction. */
    public <T> void putSetting(SettingKey<T> key, T value) {
        db.write("write setting " + key, t -> {
            t.settings().put(key, value);
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
