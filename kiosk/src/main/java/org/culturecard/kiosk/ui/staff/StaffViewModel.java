package org.culturecard.kiosk.ui.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.enrol.Enrolling;
import org.culturecard.kiosk.staff.EventDraft;
import org.culturecard.kiosk.staff.PinOutcome;
import org.culturecard.kiosk.staff.StaffPort;
import org.culturecard.kiosk.staff.StatusFacts;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.screen.Messages;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kioskdb.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the staff screens: the PIN pad, staff home (today's events and their counts), the
 * event list and editor, the status and the settings. Like the kiosk's view model it needs no
 * toolkit; every store call goes through the background executor. It reaches the rest of the
 * screens through {@link StaffHost} only. UI thread only.
 *
 * <p>Over 300 lines on purpose: it holds the state of the PIN pad and of five staff pages, each small
 * (the register page's state is apart, in {@link RegisterViewModel}),
 * and a fifth of it is the read-only properties the views bind to.
 */
public final class StaffViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StaffViewModel.class);
    private static final int MAX_PIN = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** The agent's {@code disk.budget} is in powers of 1024 ("2GB"), so the screen shows it the same way. */
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final StaffHost kiosk;
    private final StaffPort port;
    private final KioskThreads threads;
    private final Clock clock;

    private final StringBuilder pin = new StringBuilder();
    /** The staff member whose card was tapped, whose PIN the pad asks for; null for a PIN alone. */
    private UUID cardHolder;
    private final ReadOnlyStringWrapper pinDots = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pinMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pinBusy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper staffName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper("");
    private final ObservableList<StoredEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EventDraft> draft = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper editorErrors = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<StatusRow>> statusRows = new ReadOnlyObjectWrapper<>(List.of());
    private final RegisterViewModel register;

    public StaffViewModel(StaffHost kiosk, StaffPort port, KioskThreads threads, Clock clock) {
        this(kiosk, port, Enrolling.none(), threads, clock);
    }

    /** With "Register a card" against the library system behind {@code enrolling}. */
    public StaffViewModel(StaffHost kiosk, StaffPort port, Enrolling enrolling, KioskThreads threads, Clock clock) {
        this.register = new RegisterViewModel(kiosk, enrolling, threads, clock, staffName::get);
        this.kiosk = kiosk;
        this.port = port;
        this.threads = threads;
        this.clock = clock;
    }

    // ---- PIN pad ----

    /** The pad for a PIN alone (the staff button). */
    public void openPinPad() {
        cardHolder = null;
        clearPin();
        pinMessage.set(kiosk.messages().text("pin.prompt"));
        kiosk.showStaffScreen(Screen.STAFF_PIN);
    }

    /** The pad for the PIN of the staff member whose card was just tapped (card and PIN). */
    public void openPinPadFor(UUID staffId, String name) {
        cardHolder = staffId;
        clearPin();
        pinMessage.set(kiosk.messages().text("pin.promptCard", name));
        kiosk.showStaffScreen(Screen.STAFF_PIN);
    }

    /** A digit pressed on the pad or typed on a keyboard. */
    public void pinDigit(int digit) {
        if (digit < 0 || digit > 9 || pin.length() >= MAX_PIN || pinBusy.get()) {
            return;
        }
        pin.append(digit);
        pinDots.set("\u25CF".repeat(pin.length()));
        kiosk.staffActivity();
    }

    public void pinBackspace() {
        if (pin.length() > 0 && !pinBusy.get()) {
            pin.setLength(pin.length() - 1);
            pinDots.set("\u25CF".repeat(pin.length()));
        }
        kiosk.staffActivity();
    }

    /** Checks the PIN in the background (PBKDF2 is slow by design). */
    public void pinSubmit() {
        if (pinBusy.get() || pin.length() == 0) {
            return;
        }
        String typed = pin.toString();
        UUID holder = cardHolder;
        clearPin();
        pinBusy.set(true);
        pinMessage.set(kiosk.messages().text("pin.checking"));
        threads.tasks().execute(() -> holder == null ? port.checkPin(typed) : port.checkPinAfterCard(holder, typed),
                this::pinChecked, error -> {
            pinBusy.set(false);
            LOG.error("Checking a staff PIN failed", error);
            pinMessage.set(kiosk.messages().text("error.headline"));
        });
    }

    private void pinChecked(PinOutcome outcome) {
        pinBusy.set(false);
        if (kiosk.screenProperty().get() != Screen.STAFF_PIN) {
            return;
        }
        if (outcome instanceof PinOutcome.Accepted accepted) {
            enter(accepted.staffName());
        } else if (outcome instanceof PinOutcome.Rejected rejected) {
            pinMessage.set(kiosk.messages().text("pin.wrong", rejected.triesLeft()));
        } else if (outcome instanceof PinOutcome.LockedOut locked) {
            pinMessage.set(kiosk.messages().text("pin.locked", minutesUntil(locked.until())));
        }
        kiosk.staffActivity();
    }

    private long minutesUntil(Instant until) {
        long seconds = ChronoUnit.SECONDS.between(clock.instant(), until);
        return Math.max(1, (seconds + 59) / 60);
    }

    private void clearPin() {
        pin.setLength(0);
        pinDots.set("");
    }

    // ---- staff home and navigation ----

    /** Staff mode opens (a staff card or a good PIN): staff home. */
    public void enter(String name) {
        cardHolder = null;
        staffName.set(name);
        alert.set(kiosk.corruptStoreMovedTo()
                .map(path -> kiosk.messages().text("staff.storeRecovered", path)).orElse(""));
        home();
    }

    /** The "Register a card" page. */
    public RegisterViewModel register() {
        return register;
    }

    /** A touch on a staff page (the on-screen keyboard): staff mode stays open another minute. */
    public void activity() {
        kiosk.staffActivity();
    }

    public void home() {
        kiosk.showStaffScreen(Screen.STAFF);
        reloadEvents();
    }

    public void eventList() {
        kiosk.showStaffScreen(Screen.STAFF_EVENTS);
        reloadEvents();
    }

    public void status() {
        kiosk.showStaffScreen(Screen.STAFF_STATUS);
        threads.tasks().execute(port::statusFacts, this::showStatus, this::failed);
    }

    public void settings() {
        kiosk.showStaffScreen(Screen.STAFF_SETTINGS);
    }

    /** Leaves staff mode at once. */
    public void leave() {
        kiosk.returnToAttract();
    }

    private void reloadEvents() {
        threads.tasks().execute(port::eventsToday, events::setAll, this::failed);
    }

    // ---- events ----

    /** The editor, blank: today, from the next full hour for two hours. */
    public void newEvent() {
        ZoneId zone = clock.getZone();
        LocalTime start = LocalTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        LocalTime end = start.isBefore(LocalTime.of(22, 0)) ? start.plusHours(2) : LocalTime.of(23, 59);
        openEditor(EventDraft.blank(LocalDate.ofInstant(clock.instant(), zone), start, end));
    }

    public void editEvent(StoredEvent event) {
        openEditor(EventDraft.of(event.event(), clock.getZone()));
    }

    private void openEditor(EventDraft newDraft) {
        editorErrors.set("");
        draft.set(newDraft);
        kiosk.showStaffScreen(Screen.STAFF_EDITOR);
    }

    /** Checks and saves what the editor holds; on success, back to the list. */
    public void save(EventDraft edited) {
        threads.tasks().execute(() -> port.save(edited), check -> {
            if (check instanceof EventDraft.Check.Invalid invalid) {
                editorErrors.set(invalid.errorKeys().stream().map(key -> kiosk.messages().text(key))
                        .collect(Collectors.joining("\n")));
                kiosk.staffActivity();
            } else {
                editorErrors.set("");
                eventList();
                kiosk.refreshStatus();
            }
        }, this::failed);
    }

    public void makeActive(UUID eventId) {
        threads.tasks().execute(() -> port.makeActive(eventId), done -> afterChange(), this::failed);
    }

    public void close(UUID eventId) {
        threads.tasks().execute(() -> port.closeEvent(eventId), done -> afterChange(), this::failed);
    }

    private void afterChange() {
        reloadEvents();
        kiosk.refreshStatus();
        kiosk.staffActivity();
    }

    // ---- status and settings ----

    private void showStatus(StatusFacts facts) {
        Messages messages = kiosk.messages();
        List<String> readers = kiosk.readerNames();
        Optional<Instant> lastSync = kiosk.lastSync();
        statusRows.set(List.of(
                StatusRow.plain(messages.text("status.readers"),
                    readers.isEmpty() ? messages.text("reader.none") : String.join(", ", readers)),
                StatusRow.plain(messages.text("status.lastTap"), when(facts.lastTap())),
                StatusRow.plain(messages.text("status.backlog"), messages.text("status.count", facts.outboxBacklog())),
                StatusRow.plain(messages.text("status.lastSync"), when(lastSync)),
                StatusRow.plain(messages.text("status.disk"), facts.diskFreeBytes() < 0 ? messages.text("status.unknown")
                    : messages.text("status.gigabytes", facts.diskFreeBytes() / 1e9)),
                diskBudgetRow(facts.diskBudget())));
    }

    /**
     * The sync agent's disk budget: plain under 50 %, a warning from 50 %, an alert from 80 %, each
     * with what to do; "unknown" before the agent has reported; a stale verdict says so.
     */
    private StatusRow diskBudgetRow(Optional<DiskBudget> verdict) {
        Messages messages = kiosk.messages();
        String label = messages.text("status.diskBudget");
        if (verdict.isEmpty()) {
            return StatusRow.plain(label, messages.text("status.unknown"));
        }
        DiskBudget budget = verdict.get();
        String level = budget.alert().name().toLowerCase(Locale.ROOT);
        StatusRow.Tone tone = switch (budget.alert()) {
            case NONE -> StatusRow.Tone.NORMAL;
            case HALF -> StatusRow.Tone.WARNING;
            case HIGH, OVER -> StatusRow.Tone.ALERT;
        };
        String value = messages.text("status.diskBudget." + level, budget.percent(), budget.budgetBytes() / GIB);
        String advice = budget.alert() == DiskBudget.Alert.NONE ? "" : messages.text("status.diskBudget.advice." + level);
        if (budget.staleAt(clock.instant())) {
            String stale = messages.text("status.diskBudget.stale", when(Optional.of(budget.measuredAt())));
            advice = advice.isEmpty() ? stale : advice + "\n" + stale;
            tone = tone == StatusRow.Tone.NORMAL ? StatusRow.Tone.WARNING : tone;
        }
        return new StatusRow(label, value, advice, tone);
    }

    private String when(Optional<Instant> moment) {
        return moment.map(at -> {
            var local = at.atZone(clock.getZone());
            String time = TIME.format(local);
            return local.toLocalDate().equals(LocalDate.ofInstant(clock.instant(), clock.getZone())) ? time
                    : kiosk.messages().text("status.onDay", local.toLocalDate().toString(), time);
        }).orElse(kiosk.messages().text("status.never"));
    }

    /** Saves the display settings and applies them at once (language, theme, text size, volume). */
    public void saveSettings(DisplaySettings chosen) {
        threads.tasks().execute(() -> {
            port.saveSettings(chosen);
            return chosen;
        }, saved -> {
            kiosk.applySettings(saved);
            kiosk.staffActivity();
        }, this::failed);
    }

    private void failed(Throwable error) {
        LOG.error("A staff action failed", error);
        editorErrors.set(kiosk.messages().text("error.headline"));
    }

    // ---- properties ----

    /** The words of the screens now (the views are rebuilt when the language changes). */
    public Messages messages() {
        return kiosk.messages();
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return kiosk.screenProperty();
    }

    public Screen screen() {
        return kiosk.screenProperty().get();
    }

    /** The display settings now (the staff forms stack their labels at large text sizes). */
    public DisplaySettings displaySettings() {
        return kiosk.settings();
    }

    public ReadOnlyStringProperty pinDotsProperty() {
        return pinDots.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pinMessageProperty() {
        return pinMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pinBusyProperty() {
        return pinBusy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty staffNameProperty() {
        return staffName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alertProperty() {
        return alert.getReadOnlyProperty();
    }

    /** Today's events as last read; views only read it. */
    public ObservableList<StoredEvent> events() {
        return events;
    }

    public ReadOnlyObjectProperty<EventDraft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty editorErrorsProperty() {
        return editorErrors.getReadOnlyProperty();
    }

    /** The status screen's rows: a label, a value, advice and a tone each. */
    public ReadOnlyObjectProperty<List<StatusRow>> statusRowsProperty() {
        return statusRows.getReadOnlyProperty();
    }
}
