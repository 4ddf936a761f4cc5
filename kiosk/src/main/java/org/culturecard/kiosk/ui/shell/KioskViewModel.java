package org.culturecard.kiosk.ui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kiosk.ui.staff.StaffHost;
import org.culturecard.kiosk.ui.staff.StaffViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's state, as properties the views bind to: which screen shows, the language, the
 * display settings and every text on the young people's screens (the staff screens' state is in
 * {@link StaffViewModel}). It uses JavaFX properties but not the toolkit, so tests drive it on
 * their own thread with a same-thread {@link TaskExecutor} and a hand-cranked {@link Scheduler}.
 * It never sees a card tap: the tap dispatcher hands it results and the readers' status
 * ({@link TapListener}), and those methods and {@link #acceptsTaps} are the only ones called off
 * the UI thread.
 *
 * <p>Over 300 lines on purpose: it is the one state of the young people's screens, and a quarter of it
 * is the read-only properties the views bind to; staff mode's state is apart ({@link StaffViewModel}),
 * and so is the tap path ({@code TapDispatcher}).
 */
public final class KioskViewModel implements TapListener, StaffHost {
    private static final Logger LOG = LoggerFactory.getLogger(KioskViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final KioskPorts ports;
    private final KioskThreads threads;
    private final Clock clock;
    private final KioskTimings timings;
    private final List<DemoCard> demoCards;
    private ReaderStatus readers = ReaderStatus.initial();
    private volatile boolean acceptingTaps = true;
    private final BarcodeWedge wedge;
    private final StaffViewModel staff;
    private DateTimeFormatter dateFormat;

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.ATTRACT);
    private final ReadOnlyObjectWrapper<Messages> messages = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DisplaySettings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper venueName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper eventLine = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper date = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper readerWorks = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readerText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<SyncIndicator.State> syncState =
            new ReadOnlyObjectWrapper<>(SyncIndicator.State.UNKNOWN);
    private final ReadOnlyStringWrapper syncText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recognition = new ReadOnlyStringWrapper("");

    private AttractStatus status = AttractStatus.initial();
    private Scheduler.Cancellable pendingReturn = () -> { };
    private Scheduler.Cancellable languageReturn = () -> { };
    private boolean graceOver;

    /** @param settings the display settings at start; their language is the venue's default */
    public KioskViewModel(DisplaySettings settings, String venueName, KioskPorts ports, KioskThreads threads,
                          Clock clock, KioskTimings timings, List<DemoCard> demoCards) {
        this.ports = ports;
        this.threads = threads;
        this.clock = clock;
        this.timings = timings;
        this.demoCards = List.copyOf(demoCards);
        this.wedge = new BarcodeWedge(clock, BarcodeWedge.STANDARD_GAP);
        this.settings.set(settings);
        this.venueName.set(venueName);
        this.staff = new StaffViewModel(this, ports.staff(), threads, clock);
        screen.addListener((observable, was, is) -> acceptingTaps = is.acceptsTaps());
        useLanguage(settings.language());
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
            boolean worked = readers.works();
            readers = newReaders;
            if (worked != readers.works()) {
                applyReaderState();
            } else {
                updateReaderText();
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
     * fast and ends with Enter, which then counts as a tap of that card. Slow typing is ignored.
     */
    public void keyTyped(char character) {
        if (screen.get() != Screen.ATTRACT) {
            return;
        }
        wedge.typed(character).ifPresent(number ->
                threads.tasks().execute(() -> ports.barcode().apply(number), this::show, this::failed));
    }

    /**
     * A language button on the attract screen: the screens speak it until the next result is over,
     * or for a minute if nobody taps (the person who chose it has walked away).
     */
    public void chooseLanguage(Locale language) {
        if (!language.getLanguage().equals(messages().locale().getLanguage())) {
            useLanguage(language);
        }
        languageReturn.cancel();
        languageReturn = threads.scheduler().after(timings.staffIdle(), () -> {
            if (screen.get() == Screen.ATTRACT) {
                useVenueLanguage();
            }
        });
    }

    private void useVenueLanguage() {
        if (!messages().locale().getLanguage().equals(settings.get().language().getLanguage())) {
            useLanguage(settings.get().language());
        }
    }

    /** Staff saved new display settings (already stored): the language, theme, text size and volume. */
    @Override
    public void applySettings(DisplaySettings newSettings) {
        settings.set(newSettings);
        useLanguage(newSettings.language());
    }

    private void useLanguage(Locale language) {
        Messages chosen = Messages.forLocale(language);
        dateFormat = DateTimeFormatter.ofPattern("EEEE d MMMM", chosen.locale());
        messages.set(chosen);
        applyStatus(status);
        updateReaderText();
        tick();
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
        pendingReturn.cancel();
        if (screen.get().isResult()) {
            useVenueLanguage();
        }
        if (!readers.works() && graceOver) {
            showReaderUnavailable();
        } else {
            screen.set(Screen.ATTRACT);
        }
        refreshStatus();
    }

    private void showReaderUnavailable() {
        pendingReturn.cancel();
        headline.set(messages().text("unavailable.headline"));
        message.set(messages().text("unavailable.message"));
        recognition.set("");
        screen.set(Screen.READER_UNAVAILABLE);
    }

    /** Updates the clock; called every second by the view. */
    public void tick() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), clock.getZone());
        time.set(TIME.format(now));
        date.set(dateFormat.format(now));
    }

    /** Reads the status (event, sync) in the background and shows it. */
    @Override
    public void refreshStatus() {
        threads.tasks().execute(() -> ports.status().get(), this::applyStatus,
                e -> LOG.warn("Could not read the kiosk status: {}", e.toString()));
    }

    // ---- results ----

    /** Shows the screen for a result and schedules the return to attract. */
    public void show(CheckInResult result) {
        notifyHook(result);
        recognition.set("");
        if (CheckInResult.remindToRegister(result)) {
            display(Screen.NOT_REGISTERED, messages().text("unregistered.headline"), messages().text("unregistered.message"));
        } else if (result instanceof CheckInResult.Recorded recorded) {
            welcome(messages().text("welcome.event", recorded.event().title()), recorded.visitNumberThisYear());
        } else if (result instanceof CheckInResult.GeneralVisit visit) {
            welcome(messages().text("welcome.visit", venueName.get()), visit.visitNumberThisYear());
        } else if (result instanceof CheckInResult.AlreadyCheckedIn already) {
            display(Screen.ALREADY_CHECKED_IN, messages().text("already.headline"), already.isGeneralVisit()
                    ? messages().text("already.visit") : messages().text("already.event", already.event().title()));
        } else if (result instanceof CheckInResult.NotALibraryCard) {
            display(Screen.NOT_A_LIBRARY_CARD, messages().text("notcard.headline"), messages().text("notcard.message"));
        } else if (result instanceof CheckInResult.StaffCard card) {
            staff.enter(card.staffName());
        } else if (result instanceof CheckInResult.StaffPinNeeded needed) {
            staff.openPinPadFor(needed.staffId(), needed.staffName());
        } else if (result instanceof CheckInResult.StaffCardRefused refused) {
            display(Screen.STAFF_CARD_REFUSED, messages().text("staffcard.headline"), messages().text(
                    refused.reason() == CheckInResult.StaffCardRefused.Reason.REVOKED ? "staffcard.revoked"
                            : "staffcard.noPin"));
        }
        playSound(result);
        refreshStatus();
    }

    private void playSound(CheckInResult result) {
        if (result instanceof CheckInResult.StaffCard || result instanceof CheckInResult.StaffPinNeeded) {
            return;
        }
        Sounds.Sound sound = CheckInResult.isRefusal(result) ? Sounds.Sound.REFUSAL : Sounds.Sound.SUCCESS;
        ports.sounds().play(sound, settings.get().volume());
    }

    private void welcome(String text, int visitNumber) {
        recognition.set(visitNumber <= 1 ? messages().text("recognition.first")
                : messages().text("recognition.nth", messages().ordinal(visitNumber)));
        display(Screen.WELCOME, messages().text("welcome.headline"), text);
    }

    private void failed(Throwable error) {
        LOG.error("A tap could not be handled", error);
        display(Screen.ERROR, messages().text("error.headline"), messages().text("error.message"));
        ports.sounds().play(Sounds.Sound.REFUSAL, settings.get().volume());
    }

    /** Shows a staff screen and (re)starts the staff idle timer. */
    @Override
    public void showStaffScreen(Screen next) {
        screen.set(next);
        staffActivity();
    }

    /** Something happened on a staff screen (a key, a touch): staff mode stays open another minute. */
    @Override
    public void staffActivity() {
        if (screen.get().isStaff()) {
            pendingReturn.cancel();
            pendingReturn = threads.scheduler().after(timings.staffIdle(), this::returnToAttract);
        }
    }

    private void display(Screen next, String headlineText, String messageText) {
        headline.set(headlineText);
        message.set(messageText);
        screen.set(next);
        pendingReturn.cancel();
        pendingReturn = threads.scheduler().after(durationOf(next), this::returnToAttract);
    }

    private java.time.Duration durationOf(Screen shown) {
        return shown == Screen.WELCOME ? timings.welcome() : timings.refusal();
    }

    private void notifyHook(CheckInResult result) {
        try {
            ports.onResult().accept(result);
        } catch (RuntimeException e) {
            LOG.warn("The result listener failed: {}", e.toString());
        }
    }

    // ---- status ----

    private void applyStatus(AttractStatus newStatus) {
        status = newStatus;
        eventLine.set(newStatus.eventTitle().map(title -> messages().text("attract.event", title))
                .orElse(messages().text("attract.dropIn")));
        SyncIndicator sync = newStatus.sync();
        syncState.set(sync.state());
        syncText.set(switch (sync.state()) {
            case CONNECTED -> sync.backlog() == 0 ? messages().text("sync.upToDate")
                    : messages().text("sync.sending", sync.backlog());
            case OFFLINE -> messages().text("sync.offline", sync.backlog());
            case UNKNOWN -> sync.backlog() == 0 ? messages().text("sync.saved")
                    : messages().text("sync.waiting", sync.backlog());
        });
    }

    private void applyReaderState() {
        updateReaderText();
        if (!readers.works() && graceOver && !screen.get().isStaff()) {
            showReaderUnavailable();
        } else if (readers.works() && screen.get() == Screen.READER_UNAVAILABLE) {
            returnToAttract();
        }
    }

    private void updateReaderText() {
        readerWorks.set(readers.works());
        Optional<String> name = readers.firstReader();
        readerText.set(readers.works() ? messages().text("reader.ready", name.orElse(""))
                : messages().text("reader.none"));
    }

    // ---- properties the views bind to ----

    @Override
    public Messages messages() {
        return messages.get();
    }

    /** Changes when the language does; the views rebuild themselves in the new language. */
    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DisplaySettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    @Override
    public DisplaySettings settings() {
        return settings.get();
    }

    public StaffViewModel staff() {
        return staff;
    }

    /** The readers that work now, by name (for the staff status screen). */
    @Override
    public List<String> readerNames() {
        return readers.names();
    }

    @Override
    public Optional<Path> corruptStoreMovedTo() {
        return status.corruptStoreMovedTo();
    }

    @Override
    public Optional<Instant> lastSync() {
        return Optional.ofNullable(status.sync().lastSync());
    }

    public List<DemoCard> demoCards() {
        return demoCards;
    }

    @Override
    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public Screen screen() {
        return screen.get();
    }

    public ReadOnlyStringProperty venueNameProperty() {
        return venueName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty eventLineProperty() {
        return eventLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateProperty() {
        return date.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readerWorksProperty() {
        return readerWorks.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readerTextProperty() {
        return readerText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncIndicator.State> syncStateProperty() {
        return syncState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncTextProperty() {
        return syncText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recognitionProperty() {
        return recognition.getReadOnlyProperty();
    }
}
