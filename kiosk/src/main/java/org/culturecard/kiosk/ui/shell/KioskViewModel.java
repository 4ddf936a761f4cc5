package org.culturecard.kiosk.ui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.culturecard.kiosk.barcode.BarcodeWedge;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.checkin.ReaderStatus;
import org.culturecard.kiosk.checkin.TapListener;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.fx.Scheduler;
import org.culturecard.kiosk.ui.fx.TaskExecutor;
import org.culturecard.kiosk.ui.screen.Messages;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.self.SelfRegisterViewModel;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kiosk.ui.staff.StaffHost;
import org.culturecard.kiosk.ui.staff.StaffViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's state, as properties the views bind to: which screen shows ({@link ScreenTimer}), the
 * language, the display settings, the attract screen's status texts ({@link StatusLine}) and the
 * result screens' texts ({@link ResultScreens}); the staff screens' state is in {@link StaffViewModel}.
 * It uses JavaFX properties but not the toolkit, so tests drive it on their own thread with a
 * same-thread {@link TaskExecutor} and a hand-cranked {@link Scheduler}. It never sees a card tap: the
 * tap dispatcher hands it results and the readers' status ({@link TapListener}), and those methods and
 * {@link #acceptsTaps} are the only ones called off the UI thread. (About 300 lines: it is the one object
 * the views and the staff model bind to; its parts above hold the logic, this class wires them.)
 */
public final class KioskViewModel implements TapListener, StaffHost {
    private static final Logger LOG = LoggerFactory.getLogger(KioskViewModel.class);

    private final KioskPorts ports;
    private final KioskThreads threads;
    private final KioskTimings timings;
    private final List<DemoCard> demoCards;
    private volatile boolean acceptingTaps = true;
    private final BarcodeWedge wedge;
    private final StaffViewModel staff;
    private final SelfRegisterViewModel selfRegister;
    private final ScreenTimer screens;
    private final StatusLine statusLine;
    private final ResultScreens results;
    private final LanguageChoice language;
    private boolean graceOver;

    /** @param settings the display settings at start; their language is the venue's default */
    public KioskViewModel(DisplaySettings settings, String venueName, KioskPorts ports, KioskThreads threads,
                          Clock clock, KioskTimings timings, List<DemoCard> demoCards) {
        this.ports = ports;
        this.threads = threads;
        this.timings = timings;
        this.demoCards = List.copyOf(demoCards);
        this.wedge = new BarcodeWedge(clock, BarcodeWedge.STANDARD_GAP);
        this.screens = new ScreenTimer(threads.scheduler(), timings, this::returnToAttract);
        this.statusLine = new StatusLine(venueName, clock);
        this.language = new LanguageChoice(settings, threads.scheduler(), timings.staffIdle(), statusLine::use);
        this.results = new ResultScreens(screens);
        this.staff = new StaffViewModel(this, ports.staff(), ports.enrolling(), threads, clock);
        this.selfRegister = new SelfRegisterViewModel(this, ports.enrolling(), threads);
        screens.property().addListener((observable, was, is) -> acceptingTaps = is.acceptsTaps());
    }

    /** Begins: the clock, the status refresh, and the reader's grace period. Call once, on the UI thread. */
    public void start() {
        refreshStatus();
        threads.scheduler().after(timings.readerGrace(), () -> {
            graceOver = true;
            applyReaderState();
        });
    }

    // ---- input ----

    /** From the worker thread: the tap's result, shown on the UI thread. */
    @Override
    public void checkedIn(CheckInResult result) {
        threads.ui().post(() -> show(result));
    }

    /** From the worker thread: the tap could not be checked in. */
    @Override
    public void checkInFailed(Throwable error) {
        threads.ui().post(() -> failed(error));
    }

    /** From the card reader's thread: which readers work now. */
    @Override
    public void readersChanged(ReaderStatus newReaders) {
        threads.ui().post(() -> {
            if (statusLine.readers(newReaders)) {
                applyReaderState();
            }
        });
    }

    /**
     * Whether a tap is checked in now: not while staff mode's pages show (the PIN pad takes a staff
     * card). Read by the tap dispatcher on the card reader's thread.
     */
    public boolean acceptsTaps() {
        return acceptingTaps;
    }

    /**
     * A key typed on the attract screen: a keyboard-wedge barcode scanner "types" a card's number
     * fast and ends with Enter, which then counts as a tap of that card; a scan that is not a card
     * number (a scanner sending garbage) shows "not a library card". Slow typing is ignored.
     */
    public void keyTyped(char character) {
        if (screens.get() != Screen.ATTRACT) {
            return;
        }
        wedge.typed(character).ifPresent(scan -> {
            if (scan instanceof BarcodeWedge.Scan.Number number) {
                threads.tasks().execute(() -> ports.barcode().apply(number.barcode()), this::show, this::failed);
            } else if (scan instanceof BarcodeWedge.Scan.Unreadable unreadable) {
                LOG.warn("A scan of {} characters is not a library card number: refused", unreadable.length());
                show(new CheckInResult.NotALibraryCard());
            }
        });
    }

    /**
     * A language button on the attract screen: the screens speak it until the next result is over,
     * or for a minute if nobody taps (the person who chose it has walked away).
     */
    public void chooseLanguage(Locale chosen) {
        language.choose(chosen, () -> screens.get() == Screen.ATTRACT);
    }

    /** Staff saved new display settings (already stored): the language, theme, text size and volume. */
    @Override
    public void applySettings(DisplaySettings newSettings) {
        language.apply(newSettings);
    }

    /** The staff button on the attract screen (or a keyboard shortcut): the PIN pad. */
    public void openStaffPinPad() {
        staff.openPinPad();
    }

    /** An on-screen demo card was pressed. */
    public void pressDemoCard(DemoCard card) {
        threads.tasks().execute(() -> {
            card.tap().run();
            return card;
        }, pressed -> LOG.debug("Demo card {} tapped", pressed.label()), this::failed);
    }

    /** Back to the attract screen (or the reader-unavailable one, if no reader works). */
    @Override
    public void returnToAttract() {
        screens.cancelReturn();
        if (screens.get().isResult()) {
            language.useVenueLanguage();
        }
        if (!statusLine.readerWorks() && graceOver) {
            results.readerUnavailable(messages());
        } else {
            screens.show(Screen.ATTRACT);
        }
        refreshStatus();
    }

    /** Updates the clock; called every second by the view. */
    public void tick() {
        statusLine.tick();
    }

    /** Reads the status (event, sync) in the background and shows it. */
    @Override
    public void refreshStatus() {
        threads.tasks().execute(() -> ports.status().get(), statusLine::apply,
                e -> LOG.warn("Could not read the kiosk status: {}", e.toString()));
    }

    // ---- results ----

    /** Shows the screen for a result and schedules the return to attract. */
    public void show(CheckInResult result) {
        notifyHook(result);
        if (!results.show(result, messages(), statusLine.venueName())) {
            if (result instanceof CheckInResult.StaffCard card) {
                staff.enter(card.staffName());
            } else if (result instanceof CheckInResult.StaffPinNeeded needed) {
                staff.openPinPadFor(needed.staffId(), needed.staffName());
            }
        }
        playSound(result);
        refreshStatus();
    }

    private void playSound(CheckInResult result) {
        if (result instanceof CheckInResult.StaffCard || result instanceof CheckInResult.StaffPinNeeded) {
            return;
        }
        Sounds.Sound sound = CheckInResult.isRefusal(result) ? Sounds.Sound.REFUSAL : Sounds.Sound.SUCCESS;
        ports.sounds().play(sound, settings().volume());
    }

    private void failed(Throwable error) {
        LOG.error("A tap could not be handled", error);
        results.error(messages());
        ports.sounds().play(Sounds.Sound.REFUSAL, settings().volume());
    }

    /** Shows a staff screen and (re)starts the staff idle timer. */
    @Override
    public void showStaffScreen(Screen next) {
        screens.showStaff(next);
    }

    /** Something happened on a staff screen (a key, a touch): staff mode stays open another minute. */
    @Override
    public void staffActivity() {
        screens.staffActivity();
    }

    private void notifyHook(CheckInResult result) {
        try {
            ports.onResult().accept(result);
        } catch (RuntimeException e) {
            LOG.warn("The result listener failed: {}", e.toString());
        }
    }

    private void applyReaderState() {
        if (!statusLine.readerWorks() && graceOver && !screens.get().isStaff()) {
            results.readerUnavailable(messages());
        } else if (statusLine.readerWorks() && screens.get() == Screen.READER_UNAVAILABLE) {
            returnToAttract();
        }
    }

    // ---- properties the views bind to ----

    @Override
    public Messages messages() {
        return language.messages();
    }

    /** Changes when the language does; the views rebuild themselves in the new language. */
    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return language.messagesProperty();
    }

    public ReadOnlyObjectProperty<DisplaySettings> settingsProperty() {
        return language.settingsProperty();
    }

    @Override
    public DisplaySettings settings() {
        return language.settings();
    }

    public StaffViewModel staff() {
        return staff;
    }

    /** "Register my card" on the attract screen (self-service kiosks). */
    public SelfRegisterViewModel selfRegister() {
        return selfRegister;
    }

    /** The readers that work now, by name (for the staff status screen). */
    @Override
    public List<String> readerNames() {
        return statusLine.readerNames();
    }

    @Override
    public Optional<Path> corruptStoreMovedTo() {
        return statusLine.corruptStoreMovedTo();
    }

    @Override
    public Optional<Instant> lastSync() {
        return statusLine.lastSync();
    }

    public List<DemoCard> demoCards() {
        return demoCards;
    }

    @Override
    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screens.property();
    }

    public Screen screen() {
        return screens.get();
    }

    /** The attract screen's status texts. */
    public StatusLine statusLine() {
        return statusLine;
    }

    /** The result screens' texts. */
    public ResultScreens results() {
        return results;
    }
}
