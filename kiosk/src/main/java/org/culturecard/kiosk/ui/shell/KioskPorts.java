package org.culturecard.kiosk.ui.shell;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.enrol.Enrolling;
import org.culturecard.kiosk.staff.StaffPort;
import org.culturecard.kiosk.ui.fx.TaskExecutor;
import org.culturecard.kiosk.ui.sound.Sounds;

/**
 * What the kiosk's view model needs from the rest of the app, as plain functions so that its tests
 * can pass a real check-in service or a stub. Taps do not come this way: the tap dispatcher
 * checks them in and hands the view model the results. {@code barcode}, {@code status} and
 * every {@code staff} method are slow (disk) and are only ever called through the {@link TaskExecutor}.
 *
 * @param barcode  a card number scanned from a printed barcode (normalised), checked in like a tap
 * @param onResult told of every result (the demo prints them); must not throw
 * @param sounds   the success and refusal sounds; never blocks
 * @param enrolling "Register a card" (the library system and the enrolment outbox); slow, as {@code staff}
 */
public record KioskPorts(Function<LibraryBarcode, CheckInResult> barcode,
                         Supplier<AttractStatus> status, Consumer<CheckInResult> onResult, StaffPort staff,
                         Sounds sounds, Enrolling enrolling) {
    public KioskPorts {
        Objects.requireNonNull(enrolling, "enrolling");
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(onResult, "onResult");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(sounds, "sounds");
    }

    /** The ports of a kiosk that does not register cards. */
    public KioskPorts(Function<LibraryBarcode, CheckInResult> barcode, Supplier<AttractStatus> status,
                      Consumer<CheckInResult> onResult, StaffPort staff, Sounds sounds) {
        this(barcode, status, onResult, staff, sounds, Enrolling.none());
    }
}
