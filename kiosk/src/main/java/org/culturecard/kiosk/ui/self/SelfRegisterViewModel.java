package org.culturecard.kiosk.ui.self;

import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.enrol.Enrolling;
import org.culturecard.kiosk.enrol.RegisterOutcome;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.staff.RegisterTexts;
import org.culturecard.kiosk.ui.staff.StaffHost;
import org.culturecard.sip2.PatronPin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Register my card" on the attract screen, where the kiosk has a scanner, {@code enrolment.self-service}
 * is on and the library system allows PINs: the card holder taps the card (its chip's token, never
 * its UID), scans its barcode and types its PIN on the number pad; the library system is asked on the
 * background executor, with the same outcomes and words as staff registration. The barcode and PIN
 * live in the fields and one request only: never shown back, logged or kept. UI thread only.
 */
public final class SelfRegisterViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SelfRegisterViewModel.class);

    private final StaffHost kiosk;
    private final Enrolling port;
    private final KioskThreads threads;
    private Token chip;
    private final ReadOnlyStringWrapper chipText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** @param kiosk the screens (this page times out to attract like staff mode) */
    public SelfRegisterViewModel(StaffHost kiosk, Enrolling port, KioskThreads threads) {
        this.kiosk = kiosk;
        this.port = port;
        this.threads = threads;
        kiosk.screenProperty().addListener((observable, was, is) -> {
            if (was == Screen.SELF_REGISTER && is != Screen.SELF_REGISTER) {
                port.stop();
                chip = null;
            }
        });
    }

    /** Whether the attract screen offers "Register my card". */
    public boolean available() {
        return port.selfService();
    }

    /** Shows the page: the next tap gives the chip of the card to register. */
    public void open() {
        if (!available()) {
            return;
        }
        chip = null;
        busy.set(false);
        result.set("");
        chipText.set(kiosk.messages().text("self.chipWaiting"));
        port.await(token -> threads.ui().post(() -> chipTapped(token)));
        kiosk.showStaffScreen(Screen.SELF_REGISTER);
    }

    private void chipTapped(Token token) {
        if (kiosk.screenProperty().get() != Screen.SELF_REGISTER) {
            return;
        }
        chip = token;
        chipText.set(kiosk.messages().text("self.chipRead"));
        kiosk.staffActivity();
    }

    /** "Register": the number scanned (or typed) and the PIN typed on the number pad. */
    public void register(String number, String pin) {
        kiosk.staffActivity();
        Optional<LibraryBarcode> barcode = LibraryBarcode.parse(number);
        if (barcode.isEmpty()) {
            LOG.info("A self-registration with a number of {} characters was refused: not a library card number",
                    number == null ? 0 : number.length());
            result.set(kiosk.messages().text("register.badNumber"));
            return;
        }
        Optional<PatronPin> patronPin = pin(pin);
        if (patronPin.isEmpty()) {
            result.set(kiosk.messages().text("self.pinNeeded"));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        result.set(kiosk.messages().text("register.asking"));
        Token tapped = chip;
        threads.tasks().execute(() -> port.registerSelf(tapped, barcode.get(), patronPin.get()), this::answered, error -> {
            busy.set(false);
            LOG.error("A self-registration failed", error);
            result.set(kiosk.messages().text("register.unreachable"));
        });
    }

    /** "Cancel": back to attract. */
    public void cancel() {
        kiosk.returnToAttract();
    }

    private static Optional<PatronPin> pin(String typed) {
        if (typed == null || typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PatronPin.of(typed));
        } catch (IllegalArgumentException e) {
            LOG.info("A self-registration PIN of {} characters was refused", typed.length());
            return Optional.empty();
        }
    }

    private void answered(RegisterOutcome outcome) {
        busy.set(false);
        result.set(RegisterTexts.of(outcome, kiosk.messages()));
        if (outcome instanceof RegisterOutcome.Registered) {
            chip = null;
            chipText.set(kiosk.messages().text("self.done"));
        }
        kiosk.staffActivity();
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
}
