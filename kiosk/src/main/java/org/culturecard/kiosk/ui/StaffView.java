package org.culturecard.kiosk.ui;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Coded;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.staff.EventDraft;
import org.culturecard.kioskdb.StoredEvent;

/**
 * Staff mode: a navigation column (today, events, new event, status, settings, leave) and the
 * page the view model's screen names. Pages are rebuilt when they are shown or their data
 * changes; the editor keeps what staff typed until they save or leave.
 */
final class StaffView extends BorderPane {
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
    private static final javafx.css.PseudoClass CURRENT = javafx.css.PseudoClass.getPseudoClass("current");
    private final KioskViewModel model;
    private final StaffViewModel staff;
    private final Messages messages;
    private final ZoneId zone;

    StaffView(KioskViewModel model, ZoneId zone) {
        this.model = model;
        this.staff = model.staff();
        this.messages = model.messages();
        this.zone = zone;
        getStyleClass().add("staff");
        setLeft(navigation());
        Label hello = AttractView.styled(new Label(), "staff-title");
        hello.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.text("staff.headline", staff.staffNameProperty().get()), staff.staffNameProperty()));
        Label alert = AttractView.styled(new Label(), "staff-alert");
        alert.setWrapText(true);
        alert.textProperty().bind(staff.alertProperty());
        alert.visibleProperty().bind(staff.alertProperty().isNotEmpty());
        alert.managedProperty().bind(alert.visibleProperty());
        VBox top = new VBox(hello, alert);
        top.setSpacing(8);
        setTop(top);
        Watch.value(this, model.screenProperty(), (observable, was, is) -> render(is));
        Watch.list(this, staff.events(), (ListChangeListener<StoredEvent>) change -> {
            if (model.screen() == Screen.STAFF || model.screen() == Screen.STAFF_EVENTS) {
                render(model.screen());
            }
        });
        Watch.value(this, staff.statusRowsProperty(), (observable, was, is) -> {
            if (model.screen() == Screen.STAFF_STATUS) {
                render(model.screen());
            }
        });
        render(model.screen());
    }

    private VBox navigation() {
        VBox nav = new VBox(
                navButton("staff.nav.home", staff::home, Screen.STAFF),
                navButton("staff.nav.events", staff::eventList, Screen.STAFF_EVENTS),
                navButton("staff.nav.new", staff::newEvent, Screen.STAFF_EDITOR),
                navButton("staff.nav.status", staff::status, Screen.STAFF_STATUS),
                navButton("staff.nav.settings", staff::settings, Screen.STAFF_SETTINGS));
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        Button leave = navButton("staff.leave", staff::leave, null);
        leave.getStyleClass().add("staff-leave");
        nav.getChildren().addAll(gap, leave);
        nav.getStyleClass().add("staff-nav");
        return nav;
    }

    private Button navButton(String key, Runnable action, Screen page) {
        Button button = button(messages.text(key), "staff-nav-button");
        if (page != null) {
            button.pseudoClassStateChanged(CURRENT, model.screen() == page);
            Watch.value(button, model.screenProperty(), (observable, was, is) -> button.pseudoClassStateChanged(CURRENT,
                    is == page));
        }
        button.setOnAction(event -> action.run());
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMinWidth(0);
        button.setWrapText(true);
        return button;
    }

    private void render(Screen screen) {
        Node page = switch (screen) {
            case STAFF -> home();
            case STAFF_EVENTS -> eventList();
            case STAFF_EDITOR -> editor(staff.draftProperty().get());
            case STAFF_STATUS -> status();
            case STAFF_SETTINGS -> settings();
            default -> null;
        };
        if (page != null) {
            ScrollPane scroll = new ScrollPane(page);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("staff-scroll");
            setCenter(scroll);
        }
    }

    // ---- pages ----

    private VBox home() {
        VBox page = page("staff.today");
        if (staff.events().isEmpty()) {
            page.getChildren().add(text(messages.text("staff.noEvents"), "staff-empty"));
        }
        for (StoredEvent event : staff.events()) {
            page.getChildren().add(eventRow(event, false));
        }
        return page;
    }

    private VBox eventList() {
        VBox page = page("events.title");
        if (staff.events().isEmpty()) {
            page.getChildren().add(text(messages.text("staff.noEvents"), "staff-empty"));
        }
        for (StoredEvent event : staff.events()) {
            page.getChildren().add(eventRow(event, true));
        }
        return page;
    }

    private Node eventRow(StoredEvent stored, boolean actions) {
        Label title = text(stored.event().title(), "event-row-title");
        Label times = text(messages.text("staff.times", TIME.format(stored.event().startsAt().atZone(zone)),
                TIME.format(stored.event().endsAt().atZone(zone))), "event-row-detail");
        boolean roomy = model.settings().textScale() < 150;
        Label count = text(messages.text("staff.checkIns", stored.checkIns()), "event-row-count");
        count.setWrapText(false);
        count.setMinWidth(Region.USE_PREF_SIZE);
        VBox words = new VBox(title, times);
        words.setMinWidth(roomy ? 14 * 16 : 0);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox row = new HBox(words);
        row.getStyleClass().add("event-row");
        row.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.Pane tail = roomy ? row : new javafx.scene.layout.FlowPane(8, 8);
        if (stored.active() || stored.closed()) {
            Label state = text(messages.text(stored.closed() ? "staff.closed" : "staff.active"),
                    stored.closed() ? "event-state-closed" : "event-state-active");
            state.setWrapText(false);
            state.setMinWidth(Region.USE_PREF_SIZE);
            tail.getChildren().add(state);
        }
        tail.getChildren().add(count);
        if (actions && !stored.closed()) {
            Button edit = button(messages.text("events.edit"), "staff-secondary");
            edit.setOnAction(e -> staff.editEvent(stored));
            Button close = button(messages.text("events.close"), "staff-secondary");
            close.setOnAction(e -> staff.close(stored.event().id()));
            tail.getChildren().addAll(edit, close);
            if (!stored.active()) {
                Button active = button(messages.text("events.makeActive"), "staff-primary");
                active.setOnAction(e -> staff.makeActive(stored.event().id()));
                tail.getChildren().add(active);
            }
        }
        if (roomy) {
            return row;
        }
        row.getStyleClass().setAll("event-row-line");
        VBox stacked = new VBox(row, tail);
        stacked.getStyleClass().add("event-row");
        return stacked;
    }

    private VBox editor(EventDraft draft) {
        VBox page = page("editor.title");
        TextField title = field(draft.title(), "editor.field.title");
        title.getStyleClass().add("editor-title");
        ComboBox<Sector> sector = choice(Sector.values(), draft.sector(), "sector.", "editor.field.sector");
        ComboBox<ArtsActivity> activity = choice(ArtsActivity.values(), draft.activity(), "activity.",
                "editor.field.activity");
        activity.disableProperty().bind(sector.valueProperty().isNotEqualTo(Sector.ARTS));
        ComboBox<Mode> mode = choice(Mode.values(), draft.mode(), "mode.", "editor.field.mode");
        DatePicker day = new DatePicker(draft.day());
        java.time.format.DateTimeFormatter dayFormat = java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(messages.locale());
        day.setConverter(new javafx.util.converter.LocalDateStringConverter(dayFormat, dayFormat));
        day.setAccessibleText(messages.text("editor.field.day"));
        TextField start = field(draft.startTime(), "editor.field.start");
        TextField end = field(draft.endTime(), "editor.field.end");
        ComboBox<AgeBand> age = choice(AgeBand.values(), draft.ageBand(), "age.", "editor.field.ageBand");
        TextField capacity = field(draft.capacity(), "editor.field.capacity");
        GridPane form = form(List.of(
                row("editor.field.title", title), row("editor.field.sector", sector),
                row("editor.field.activity", activity), row("editor.field.mode", mode), row("editor.field.day", day),
                row("editor.field.start", start), row("editor.field.end", end),
                row("editor.field.ageBand", age), row("editor.field.capacity", capacity)));
        Label errors = text("", "editor-errors");
        errors.setWrapText(true);
        errors.textProperty().bind(staff.editorErrorsProperty());
        errors.visibleProperty().bind(staff.editorErrorsProperty().isNotEmpty());
        errors.managedProperty().bind(errors.visibleProperty());
        Button save = button(messages.text("editor.save"), "staff-primary");
        save.setDefaultButton(true);
        save.setOnAction(e -> staff.save(new EventDraft(draft.id(), title.getText(), sector.getValue(),
                activity.getValue(), mode.getValue(), day.getValue(), start.getText(), end.getText(), age.getValue(),
                capacity.getText())));
        Button cancel = button(messages.text("editor.cancel"), "staff-secondary");
        cancel.setOnAction(e -> staff.eventList());
        HBox buttons = new HBox(save, cancel);
        buttons.getStyleClass().add("staff-buttons");
        page.getChildren().addAll(form, errors, buttons);
        return page;
    }

    private VBox status() {
        VBox page = page("status.title");
        page.getChildren().add(form(staff.statusRowsProperty().get().stream()
                .map(row -> new Node[] {text(row.label(), "form-label"), statusValue(row)}).toList()));
        return page;
    }

    /** A row's value; a warning or an alert is marked (words and colour) and says what to do. */
    private static Node statusValue(StatusRow row) {
        Label value = text(row.value(), "status-value");
        if (row.tone() == StatusRow.Tone.NORMAL && row.advice().isEmpty()) {
            return value;
        }
        VBox box = new VBox(value);
        box.getStyleClass().add("status-notice");
        if (row.tone() != StatusRow.Tone.NORMAL) {
            box.getStyleClass().add(row.tone() == StatusRow.Tone.ALERT ? "status-alert" : "status-warning");
        }
        if (!row.advice().isEmpty()) {
            box.getChildren().add(text(row.advice(), "status-advice"));
        }
        return box;
    }

    private VBox settings() {
        VBox page = page("settings.title");
        DisplaySettings current = model.settings();
        ComboBox<Locale> language = new ComboBox<>();
        language.getItems().addAll(Arrays.stream(new String[] {"en", "pl", "pt", "lt"}).map(Locale::forLanguageTag)
                .toList());
        language.setConverter(converter(locale -> messages.text("language." + locale.getLanguage())));
        language.setValue(language.getItems().stream()
                .filter(l -> l.getLanguage().equals(current.language().getLanguage())).findFirst().orElse(null));
        language.setAccessibleText(messages.text("settings.language"));
        CheckBox contrast = new CheckBox(messages.text("settings.highContrast"));
        contrast.setSelected(current.highContrast());
        contrast.setAccessibleText(messages.text("settings.highContrast"));
        ComboBox<Integer> size = new ComboBox<>();
        size.getItems().addAll(DisplaySettings.TEXT_SCALES);
        size.setConverter(converter(percent -> messages.text("settings.percent", percent)));
        size.setValue(current.textScale());
        size.setAccessibleText(messages.text("settings.textSize"));
        Slider volume = new Slider(0, 100, current.volume());
        volume.setMajorTickUnit(20);
        volume.setBlockIncrement(10);
        volume.setShowTickMarks(true);
        volume.setAccessibleText(messages.text("settings.volume"));
        Button save = button(messages.text("settings.save"), "staff-primary");
        save.setOnAction(e -> staff.saveSettings(new DisplaySettings(language.getValue(), contrast.isSelected(),
                size.getValue(), (int) Math.round(volume.getValue()))));
        page.getChildren().addAll(form(List.of(row("settings.language", language), row("settings.highContrast",
                contrast), row("settings.textSize", size), row("settings.volume", volume))), new HBox(save));
        return page;
    }

    // ---- building blocks ----

    private VBox page(String titleKey) {
        VBox page = new VBox(text(messages.text(titleKey), "staff-page-title"));
        page.getStyleClass().add("staff-page");
        return page;
    }

    private Node[] row(String labelKey, Node control) {
        Label label = text(messages.text(labelKey), "form-label");
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setWrapText(false);
        return new Node[] {label, control};
    }

    /** Labels beside their fields; at large text sizes, above them, so that nothing is squeezed. */
    private GridPane form(List<Node[]> rows) {
        boolean stacked = model.settings().textScale() >= 150;
        GridPane grid = new GridPane();
        grid.getStyleClass().add("staff-form");
        for (int i = 0; i < rows.size(); i++) {
            Node[] row = rows.get(i);
            if (stacked) {
                grid.add(row[0], 0, 2 * i);
                grid.add(row[1], 0, 2 * i + 1);
            } else {
                grid.addRow(i, row);
            }
            GridPane.setHgrow(row[1], Priority.ALWAYS);
        }
        return grid;
    }

    private TextField field(String value, String accessibleKey) {
        TextField field = new TextField(value);
        field.setAccessibleText(messages.text(accessibleKey));
        return field;
    }

    private <T extends Enum<T> & Coded> ComboBox<T> choice(T[] values, T selected, String keyPrefix,
                                                             String accessibleKey) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().addAll(values);
        box.setConverter(converter(value -> messages.text(keyPrefix + value.code())));
        box.setValue(selected);
        box.setAccessibleText(messages.text(accessibleKey));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }

    private static Label text(String value, String styleClass) {
        Label label = AttractView.styled(new Label(value), styleClass);
        label.setWrapText(true);
        return label;
    }

    private static Button button(String text, String styleClass) {
        Button button = AttractView.styled(new Button(text), styleClass);
        button.setAccessibleText(text);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

}
