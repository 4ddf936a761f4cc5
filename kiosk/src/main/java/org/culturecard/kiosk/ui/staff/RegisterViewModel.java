package org.culturecard.kiosk.ui.staff;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.enrol.Enrolling;
import org.culturecard.kiosk.enrol.RegisterOutcome;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.screen.Screen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Register a card" page's state: the chip of the card tapped while it shows, the result of the
 * last registration (from resource bundles), and today's enrolments that may be undone. The library
 * system and the disk are asked on the background executor, never the UI thread; the barcode typed
 * lives in the field and one request only, and is never shown back, logged or kept.
 */
public final class RegisterViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One of today's enrolments as the page lists it: its time and band, nothing that identifies the card. */
    public record TodayRow(UUID id, String text) { }

    private final StaffHost kiosk;
    private final Enrolling port;
    private final KioskThreads threads;
    private final Clock clock;
    private final Supplier<String> staffName;
    private Token chip;
    private final ReadOnlyStringWrapper chipText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<TodayRow> today = FXCollections.observableArrayList();

    RegisterViewModel(StaffHost kiosk, Enrolling port, KioskThreads threads, Clock clock, Supplier<String> staffName) {
        this.kiosk = kiosk;
        this.port = port;
        this.threads = threads;
        this.clock = clock;
        this.staffName = staffName;
        kiosk.screenProperty().addListener((observable, was, is) -> {
            if (was == Screen.STAFF_REGISTER && is != Screen.STAFF_REGISTER) {
                port.stop();
                chip = null;
            }
        });
    }

    /** Shows the page: taps now give the chip of the card to register. */
    public void open() {
        chip = null;
        result.set(port.configured() ? "" : kiosk.messages().text("register.notConfigured"));
        chipText.set(kiosk.messages().text(port.configured() ? "register.chipWaiting" : "register.notConfigured"));
        if (port.configured()) {
            port.await(token -> threads.ui().post(() -> chipTapped(token)));
        }
        kiosk.showStaffScreen(Screen.STAFF_REGISTER);
        reloadToday();
    }

    private void chipTapped(Token token) {
        if (kiosk.screenProperty().get() != Screen.STAFF_REGISTER) {
            return;
        }
        chip = token;
        chipText.set(kiosk.messages().text("register.chipRead"));
        kiosk.staffActivity();
    }

    /** "Register": the card tapped (if it was) and the number typed or scanned. */
    public void register(String number) {
        Optional<LibraryBarcode> barcode = parse(number);
        if (barcode.isPresent()) {
            Token tapped = chip;
            String staff = staffName.get();
            ask(() -> port.register(tapped, barcode.get(), staff));
        }
    }

    /** "Replacement card": the new card (tapped and its number) and the old card's number. */
    public void replace(String newNumber, String oldNumber) {
        Optional<LibraryBarcode> fresh = parse(newNumber);
        Optional<LibraryBarcode> old = fresh.isPresent() ? parse(oldNumber) : Optional.empty();
        if (fresh.isPresent() && old.isPresent()) {
            Token tapped = chip;
            String staff = staffName.get();
            ask(() -> port.replace(tapped, fresh.get(), old.get(), staff));
        }
    }

    /** "Undo" beside one of today's enrolments. */
    public void undo(UUID enrolmentId) {
        String staff = staffName.get();
        ask(() -> port.undo(enrolmentId, staff));
    }

    private Optional<LibraryBarcode> parse(String number) {
        Optional<LibraryBarcode> barcode = LibraryBarcode.parse(number);
        if (barcode.isEmpty()) {
            LOG.info("A card number of {} characters was refused: not a library card number",
                    number == null ? 0 : number.length());
            result.set(kiosk.messages().text("register.badNumber"));
        }
        kiosk.staffActivity();
        return barcode;
    }

    private void ask(Supplier<RegisterOutcome> question) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        result.set(kiosk.messages().text("register.asking"));
        threads.tasks().execute(question::get, this::answered, error -> {
            busy.set(false);
            LOG.error("Registering a card failed", error);
            result.set(kiosk.messages().text("register.unreachable"));
        });
    }

    private void answered(RegisterOutcome outcome) {
        busy.set(false);
        result.set(RegisterTexts.of(outcome, kiosk.messages()));
        if (outcome instanceof RegisterOutcome.Registered || outcome instanceof RegisterOutcome.Undone) {
            chip = null;
            chipText.set(kiosk.messages().text(port.configured() ? "register.chipWaiting" : "register.notConfigured"));
        }
        reloadToday();
        kiosk.staffActivity();
    }

    private void reloadToday() {
        threads.tasks().execute(port::today, this::showToday, error -> LOG.warn("Could not read today's enrolments: {}",
                error.toString()));
    }

    private void showToday(List<Enrolment> records) {
        today.setAll(records.stream().map(record -> new TodayRow(record.id(), kiosk.messages().text("register.todayRow",
                TIME.format(LocalTime.ofInstant(record.enrolledAt(), clock.getZone())),
                RegisterTexts.band(record.ageBand(), kiosk.messages())))).toList());
    }

    public ReadOnlyStringProperty chipTextProperty() {
        return chipText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<TodayRow> today() {
        return today;
    }
}
