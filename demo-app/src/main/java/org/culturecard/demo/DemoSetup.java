package org.culturecard.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.kiosk.KioskApp;
import org.culturecard.kiosk.config.SchemeKeyFile;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.kioskdb.StaffRow;
import org.culturecard.reader.DemoCards;

/**
 * What a venue's staff would have done before the doors open, done for the demo: an event running
 * today, and the demo staff card enrolled with the demo PIN (a venue's default is card and PIN,
 * ADR 0012). Idempotent: a second run changes nothing it need not.
 */
final class DemoSetup {
    static final UUID DEMO_STAFF_ID = UUID.fromString("00000000-0000-7000-8000-00000000d3e0");
    /** The demo staff member's PIN, printed on the demo's console: a demo, not a secret. */
    static final String DEMO_STAFF_PIN = "2468";

    private DemoSetup() {}

    static void prepare(KioskApp kiosk, Clock clock) {
        SqliteKioskStore store = kiosk.store();
        Instant now = clock.instant();
        if (store.activeEvent().filter(e -> e.isRunningAt(now)).isEmpty()) {
            Instant start = now.truncatedTo(ChronoUnit.HOURS);
            Event event = new Event(UUID.nameUUIDFromBytes(("demo-event-" + start).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    kiosk.config().venueId(), "Comic Art Workshop",
                    new Category(Sector.ARTS, ArtsActivity.ARTS_CRAFTS, Mode.TAKE_PART), AgeBand.AGE_11_15,
                    LearningLayer.PARTICIPATE, start, start.plus(Duration.ofHours(6)), 30);
            store.upsertEvent(event, EventOrigin.KIOSK);
            store.makeActive(event.id());
        }
        Pseudonymiser pseudonymiser = new Pseudonymiser(SchemeKeyFile.load(kiosk.config().schemeKeyPath()));
        new DemoCards(new Random()).all().stream().filter(DemoCards.DemoCard::staff).findFirst().ifPresent(staff -> {
            var token = pseudonymiser.tokenFor(staff.uid());
            if (store.staffNameForCard(token).isEmpty()) {
                store.enrolStaffCard(DEMO_STAFF_ID, "Demo staff", token);
            }
            if (store.staffById(DEMO_STAFF_ID).filter(StaffRow::hasPin).isEmpty()) {
                store.setStaffPin(DEMO_STAFF_ID, "Demo staff", new PinHasher(new SecureRandom()).hash(DEMO_STAFF_PIN));
            }
        });
    }
}
