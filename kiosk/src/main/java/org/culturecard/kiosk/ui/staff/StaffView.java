package org.culturecard.kiosk.ui.staff;

import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.kiosk.ui.fx.Nodes;
import org.culturecard.kiosk.ui.fx.Watch;
import org.culturecard.kiosk.ui.screen.Messages;
import org.culturecard.kiosk.ui.screen.Screen;

/**
 * Staff mode: a navigation column (today, events, new event, status, settings, leave) and the
 * page the view model's screen names, one class per page. Pages are rebuilt when they are shown
 * or their data changes; the editor keeps what staff typed until they save or leave.
 */
public final class StaffView extends BorderPane {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private final StaffViewModel staff;
    private final StaffWidgets ui;
    private final Messages messages;
    private final ZoneId zone;

    public StaffView(StaffViewModel staff, ZoneId zone) {
        this.staff = staff;
        this.ui = new StaffWidgets(staff);
        this.messages = staff.messages();
        this.zone = zone;
        getStyleClass().add("staff");
        setLeft(navigation());
        Label hello = Nodes.styled(new Label(), "staff-title");
        hello.textProperty().bind(Bindings.createStringBinding(
                () -> messages.text("staff.headline", staff.staffNameProperty().get()), staff.staffNameProperty()));
        Label alert = Nodes.styled(new Label(), "staff-alert");
        alert.setWrapText(true);
        alert.textProperty().bind(staff.alertProperty());
        alert.visibleProperty().bind(staff.alertProperty().isNotEmpty());
        alert.managedProperty().bind(alert.visibleProperty());
        VBox top = new VBox(hello, alert);
        top.setSpacing(8);
        setTop(top);
        Watch.value(this, staff.screenProperty(), (observable, was, is) -> render(is));
        Watch.list(this, staff.events(), (ListChangeListener<StoredEvent>) change -> {
            if (staff.screen() == Screen.STAFF || staff.screen() == Screen.STAFF_EVENTS) {
                render(staff.screen());
            }
        });
        Watch.value(this, staff.statusRowsProperty(), (observable, was, is) -> {
            if (staff.screen() == Screen.STAFF_STATUS) {
                render(staff.screen());
            }
        });
        render(staff.screen());
    }

    private VBox navigation() {
        VBox nav = new VBox(
                navButton("staff.nav.home", staff::home, Screen.STAFF),
                navButton("staff.nav.events", staff::eventList, Screen.STAFF_EVENTS),
                navButton("staff.nav.new", staff::newEvent, Screen.STAFF_EDITOR),
                navButton("staff.nav.register", staff.register()::open, Screen.STAFF_REGISTER),
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
        Button button = StaffWidgets.button(messages.text(key), "staff-nav-button");
        if (page != null) {
            button.pseudoClassStateChanged(CURRENT, staff.screen() == page);
            Watch.value(button, staff.screenProperty(), (observable, was, is) -> button.pseudoClassStateChanged(CURRENT,
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
            case STAFF -> new TodayPage(staff, ui, zone);
            case STAFF_EVENTS -> new EventsPage(staff, ui, zone);
            case STAFF_EDITOR -> new EditorPage(staff, ui, staff.draftProperty().get());
            case STAFF_STATUS -> new StatusPage(staff, ui);
            case STAFF_SETTINGS -> new SettingsPage(staff, ui);
            case STAFF_REGISTER -> new RegisterPage(staff, ui);
            default -> null;
        };
        if (page != null) {
            ScrollPane scroll = new ScrollPane(page);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("staff-scroll");
            setCenter(scroll);
        }
    }
}
