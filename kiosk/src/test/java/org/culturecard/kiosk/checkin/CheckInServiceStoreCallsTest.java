package org.culturecard.kiosk.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.kiosk.store.CheckInStore;
import org.culturecard.kioskdb.StaffRow;
import org.culturecard.kiosk.store.VisitOutcome;
import org.culturecard.kiosk.store.VisitRequest;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * How many times a tap goes to the store, with a fake of the port (the real adapter's behaviour is
 * in {@code RecordVisitTest} and {@code CheckInServiceTest}): a young person's tap is a staff-card
 * lookup and one visit transaction, never a string of separate reads and writes.
 */
class CheckInServiceStoreCallsTest {
    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final Recording store = new Recording();
    private final CheckInService service = new CheckInService(store, Fixtures.pseudonymiser(), Fixtures.STATION,
            clock, Fixtures.ids(clock), ClockSync.assumeSynced());

    @Test
    void aYoungPersonsTapIsOneLookupAndOneVisitTransaction() {
        CheckInResult result = service.handle(Fixtures.tap(Fixtures.AMIRA, clock.instant()));

        assertThat(store.calls).containsExactly("staffByCard", "recordVisit");
        assertThat(result).isInstanceOf(CheckInResult.GeneralVisit.class);
        VisitRequest request = store.requests.get(0);
        assertThat(request.token()).isEqualTo(Fixtures.pseudonymiser().tokenFor(Fixtures.AMIRA));
        assertThat(request.tappedAt()).isEqualTo(clock.instant());
        assertThat(request.visitDay()).isEqualTo(java.time.LocalDate.of(2026, 3, 14));
    }

    @Test
    void aStaffCardNeverReachesTheVisitTransaction() {
        store.staff = Optional.of(new StaffRow(UUID.randomUUID(), "Sam", "hash", true, false));

        CheckInResult result = service.handle(Fixtures.tap(Fixtures.BEN, clock.instant()));

        assertThat(store.calls).containsExactly("staffByCard", "staffAuth");
        assertThat(result).isInstanceOf(CheckInResult.StaffPinNeeded.class);
    }

    private static final class Recording implements CheckInStore {
        final List<String> calls = new ArrayList<>();
        final List<VisitRequest> requests = new ArrayList<>();
        Optional<StaffRow> staff = Optional.empty();

        @Override
        public Optional<StaffRow> staffByCard(Token cardToken) {
            calls.add("staffByCard");
            return staff;
        }

        @Override
        public StaffAuth staffAuth() {
            calls.add("staffAuth");
            return StaffAuth.CARD_AND_PIN;
        }

        @Override
        public VisitOutcome recordVisit(VisitRequest request) {
            calls.add("recordVisit");
            requests.add(request);
            CheckIn checkIn = new CheckIn(request.id(), 1, request.token(), null, request.venueId(), request.kioskId(),
                    request.tappedAt(), request.clockSynced(), request.cardKind(), request.appVersion());
            return new VisitOutcome.Recorded(checkIn, Optional.empty(), 1);
        }
    }
}
