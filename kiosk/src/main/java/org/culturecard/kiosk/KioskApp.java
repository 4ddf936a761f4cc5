package org.culturecard.kiosk;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.checkin.CheckInService;
import org.culturecard.kiosk.checkin.ClockSync;
import org.culturecard.kiosk.checkin.EnrolledCardsFile;
import org.culturecard.kiosk.checkin.Station;
import org.culturecard.kiosk.checkin.TapDispatcher;
import org.culturecard.kiosk.config.EnrolmentConfig;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.enrol.CardCapture;
import org.culturecard.kiosk.enrol.EnrolmentDesk;
import org.culturecard.kiosk.enrol.Enrolling;
import org.culturecard.sip2.LibrarySystem;
import org.culturecard.sip2.client.Sip2LibrarySystem;
import org.culturecard.kiosk.config.SchemeKeyFile;
import org.culturecard.kiosk.staff.StaffDesk;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.store.StoreHealth;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.shell.AttractStatus;
import org.culturecard.kiosk.ui.shell.KioskPorts;
import org.culturecard.kiosk.ui.shell.KioskViewModel;
import org.culturecard.kiosk.ui.shell.SyncIndicator;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.reader.CardReader;
import org.culturecard.reader.ReaderEvent;
import org.culturecard.reader.ReaderFeedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk wired by hand, in one place: the store, the pseudonymiser, the check-in service and,
 * on request, the view model. Headless until {@link #viewModel} is called, so the same composition
 * serves the window ({@link KioskLauncher}) and headless tests. Closing it closes the reader and
 * the store.
 */
public final class KioskApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);

    private final KioskConfig config;
    private final CardReader reader;
    private final KioskHooks hooks;
    private final SqliteKioskStore store;
    private final CheckInService checkInService;
    private final StaffDesk staffDesk;
    private final ReaderFeedback feedback;
    private final EnrolledCardsFile enrolled;
    private final Optional<LibrarySystem> lms;
    private final CardCapture capture;
    private final Enrolling enrolling;

    private KioskApp(KioskConfig config, CardReader reader, KioskHooks hooks, SqliteKioskStore store,
                     CheckInService checkInService, StaffDesk staffDesk, EnrolledCardsFile enrolled,
                     Optional<LibrarySystem> lms, CardCapture capture, Enrolling enrolling) {
        this.lms = lms;
        this.capture = capture;
        this.enrolling = enrolling;
        this.config = config;
        this.reader = reader;
        this.hooks = hooks;
        this.store = store;
        this.checkInService = checkInService;
        this.staffDesk = staffDesk;
        this.enrolled = enrolled;
        this.feedback = reader instanceof ReaderFeedback own ? own : hooks.readerFeedback();
    }

    /** Opens the store (moving a corrupt one aside), reads the scheme key and builds the check-in service. */
    public static KioskApp compose(KioskConfig config, CardReader reader, KioskHooks hooks) {
        return compose(config, EnrolmentConfig.none(), reader, hooks);
    }

    /** As above, with the library system to register cards against (issue 13), when {@code enrolment} has one. */
    public static KioskApp compose(KioskConfig config, EnrolmentConfig enrolment, CardReader reader, KioskHooks hooks) {
        LOG.info("Kiosk configuration: {}", config.describe());
        Pseudonymiser pseudonymiser = new Pseudonymiser(SchemeKeyFile.load(config.schemeKeyPath()));
        SqliteKioskStore store = SqliteKioskStore.open(config.databasePath(), hooks.clock());
        UuidV7 ids = new UuidV7(hooks.clock(), new java.security.SecureRandom());
        EnrolledCardsFile enrolled = new EnrolledCardsFile(EnrolledFilterFile.beside(config.databasePath()),
                store::unregisteredCards);
        CheckInService service = new CheckInService(store, pseudonymiser,
                new Station(config.venueId(), config.kioskId(), config.appVersion()), hooks.clock(), ids,
                ClockSync.systemd(), enrolled);
        StaffDesk desk = new StaffDesk(store, hooks.clock(), config.venueId(), ids, config.databasePath(),
                config.language());
        Optional<LibrarySystem> lms = enrolment.sip2().map(sip2 -> {
            LOG.info("Cards are registered against the library system at {}:{}", sip2.host(), sip2.port());
            return (LibrarySystem) new Sip2LibrarySystem(sip2, hooks.clock());
        });
        CardCapture capture = new CardCapture(pseudonymiser);
        EnrolmentDesk enrolments = new EnrolmentDesk(lms, pseudonymiser, store, hooks.clock(), ids,
                enrolment.defaultValidity());
        return new KioskApp(config, reader, hooks, store, service, desk, enrolled, lms, capture,
                Enrolling.of(enrolments, capture, enrolment.selfService()));
    }

    /** The view model for the window, on the given threads, with the given sounds. */
    public KioskViewModel viewModel(KioskThreads threads, Sounds sounds) {
        KioskPorts ports = new KioskPorts(checkInService::handleBarcode, this::status,
                hooks.onResult(), staffDesk, sounds, enrolling);
        return new KioskViewModel(staffDesk.settings(), config.venueName(), ports, threads,
                hooks.clock(), hooks.timings(), hooks.demoCards());
    }

    /** A tap, checked in, with the reader's own beep and light told how it went. On the worker thread. */
    private CheckInResult checkIn(CardTap tap) {
        CheckInResult result = checkInService.handle(tap);
        feedback.signal(tap.readerName(), !CheckInResult.isRefusal(result));
        return result;
    }

    /**
     * The card reader's listener: records the readers' state for the sync agent's status message,
     * then hands the event to the tap dispatcher, which checks taps in on {@code worker} and tells
     * {@code model} the results (reader thread, then worker, then the UI thread).
     */
    public Consumer<ReaderEvent> readerListener(KioskViewModel model, Executor worker) {
        ReaderStateRecorder recorder = new ReaderStateRecorder(store);
        TapDispatcher dispatcher = new TapDispatcher(this::checkIn, worker, model::acceptsTaps, model, capture);
        worker.execute(enrolled::warm); // the filter is read before the first tap, on the tap worker
        return event -> {
            recorder.accept(event);
            dispatcher.accept(event);
        };
    }

    /** What the attract and staff screens show; reads the disk, so call it off the UI thread. */
    public AttractStatus status() {
        Optional<String> event = store.activeEvent()
                .filter(e -> hooks.clock().instant().isBefore(e.endsAt()))
                .map(Event::title);
        SyncIndicator sync = hooks.syncIndicator().map(source -> source.get())
                .orElseGet(() -> SyncIndicator.unknown(store.outboxBacklog()));
        StoreHealth health = store.health();
        return new AttractStatus(event, sync, health.movedAside());
    }

    /** Whether staff chose the high-contrast theme (a stored setting). */
    public boolean highContrast() {
        return staffDesk.settings().highContrast();
    }

    /** The staff screens' access to the store (PINs, events, settings). */
    public StaffDesk staffDesk() {
        return staffDesk;
    }

    public KioskConfig config() {
        return config;
    }

    public CardReader reader() {
        return reader;
    }

    public KioskHooks hooks() {
        return hooks;
    }

    public SqliteKioskStore store() {
        return store;
    }

    public CheckInService checkInService() {
        return checkInService;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            lms.ifPresent(LibrarySystem::close);
            store.close();
        }
    }
}
