package org.culturecard.kiosk.ui.attract;

import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.ParallelTransition;
import javafx.animation.ScaleTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.culturecard.kiosk.ui.fx.Nodes;
import org.culturecard.kiosk.ui.fx.Watch;
import org.culturecard.kiosk.ui.screen.Messages;
import org.culturecard.kiosk.ui.shell.DemoCard;
import org.culturecard.kiosk.ui.shell.KioskViewModel;
import org.culturecard.kiosk.ui.shell.SyncIndicator;

/**
 * The screen a kiosk shows while it waits: the venue, what is on, a large invitation to tap, the
 * clock, small reader and sync indicators, language buttons, a discreet staff button and, in demo
 * mode, a row of on-screen cards.
 */
public final class AttractView extends BorderPane {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final java.util.List<String> LANGUAGES = java.util.List.of("en", "pl", "pt", "lt");
    private final ParallelTransition pulse;

    public AttractView(KioskViewModel model) {
        Messages messages = model.messages();
        getStyleClass().add("attract");
        setTop(topBar(model, messages));
        Region ring = Nodes.styled(new Region(), "pulse-ring");
        pulse = pulse(ring);
        setCenter(centre(model, messages, ring));
        setBottom(bottomBar(model, messages));
    }

    /** Starts or stops the gentle pulse around the reader pad (only while the screen shows). */
    public void animate(boolean on) {
        if (on) {
            pulse.play();
        } else {
            pulse.stop();
        }
    }

    private static BorderPane topBar(KioskViewModel model, Messages messages) {
        Label venue = Nodes.styled(new Label(), "venue-name");
        venue.textProperty().bind(model.statusLine().venueNameProperty());
        Label brand = Nodes.styled(new Label(messages.text("app.title")), "brand");
        Label time = Nodes.styled(new Label(), "clock-time");
        time.textProperty().bind(model.statusLine().timeProperty());
        Label date = Nodes.styled(new Label(), "clock-date");
        date.textProperty().bind(model.statusLine().dateProperty());
        VBox clock = new VBox(time, date);
        clock.setAlignment(Pos.TOP_RIGHT);
        BorderPane bar = new BorderPane();
        bar.setLeft(new VBox(venue, brand));
        bar.setCenter(languages(model, messages));
        bar.setRight(clock);
        return bar;
    }

    /** Small buttons, each in its own language, that switch the screens for the next young person. */
    private static HBox languages(KioskViewModel model, Messages messages) {
        HBox row = new HBox();
        row.getStyleClass().add("language-row");
        row.setAlignment(Pos.TOP_CENTER);
        row.setAccessibleText(messages.text("attract.languages"));
        for (String code : LANGUAGES) {
            Button button = Nodes.styled(new Button(messages.text("language." + code)), "language-button");
            button.setAccessibleText(messages.text("language." + code));
            button.setFocusTraversable(true);
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            button.pseudoClassStateChanged(CURRENT, messages.locale().getLanguage().equals(code));
            button.setOnAction(event -> model.chooseLanguage(java.util.Locale.forLanguageTag(code)));
            row.getChildren().add(button);
        }
        return row;
    }

    private static VBox centre(KioskViewModel model, Messages messages, Region ring) {
        Label event = Nodes.styled(new Label(), "event-pill");
        event.textProperty().bind(model.statusLine().eventLineProperty());
        Label headline = Nodes.styled(new Label(messages.text("attract.tap")), "tap-headline");
        headline.setWrapText(true);
        Label hint = Nodes.styled(new Label(messages.text("attract.tapHint")), "tap-hint");
        StackPane pad = new StackPane(Nodes.styled(new Region(), "contactless"));
        pad.getStyleClass().add("reader-pad");
        StackPane reader = new StackPane(ring, pad);
        VBox centre = new VBox(28, event, headline, reader, hint);
        centre.setAlignment(Pos.CENTER);
        return centre;
    }

    private static BorderPane bottomBar(KioskViewModel model, Messages messages) {
        HBox status = new HBox(chip(model.statusLine().readerTextProperty(), model.statusLine().readerWorksProperty()),
                chip(model.statusLine().syncTextProperty(), model.statusLine().syncStateProperty().isEqualTo(SyncIndicator.State.CONNECTED)));
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        Button staff = Nodes.styled(new Button(messages.text("attract.staff")), "staff-button");
        staff.setAccessibleText(messages.text("pin.title"));
        staff.setOnAction(event -> model.openStaffPinPad());
        status.getChildren().add(staff);
        if (model.selfRegister().available()) {
            Button self = Nodes.styled(new Button(messages.text("self.button")), "self-register-button");
            self.setOnAction(event -> model.selfRegister().open());
            status.getChildren().add(self);
        }
        BorderPane bar = new BorderPane();
        bar.setLeft(status);
        if (!model.demoCards().isEmpty()) {
            bar.setRight(demoCards(model, messages));
        }
        return bar;
    }

    private static HBox chip(javafx.beans.value.ObservableStringValue text,
                             javafx.beans.value.ObservableBooleanValue ok) {
        Region dot = Nodes.styled(new Region(), "status-dot");
        dot.pseudoClassStateChanged(OK, ok.get());
        Watch.value(dot, ok, (observable, was, is) -> dot.pseudoClassStateChanged(OK, is));
        Label label = new Label();
        label.textProperty().bind(text);
        HBox chip = new HBox(dot, label);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("status-chip");
        return chip;
    }

    private static HBox demoCards(KioskViewModel model, Messages messages) {
        HBox row = new HBox(Nodes.styled(new Label(messages.text("attract.demoCards")), "demo-cards-label"));
        row.getStyleClass().add("demo-cards");
        row.setAlignment(Pos.CENTER_RIGHT);
        for (DemoCard card : model.demoCards()) {
            Button button = Nodes.styled(new Button(card.label()), "demo-card");
            button.setAccessibleText(card.label());
            button.setOnAction(event -> model.pressDemoCard(card));
            row.getChildren().add(button);
        }
        HBox.setHgrow(row, Priority.ALWAYS);
        return row;
    }

    private static ParallelTransition pulse(Region ring) {
        ScaleTransition grow = new ScaleTransition(Duration.seconds(2.2), ring);
        grow.setFromX(0.96);
        grow.setFromY(0.96);
        grow.setToX(1.12);
        grow.setToY(1.2);
        FadeTransition fade = new FadeTransition(Duration.seconds(2.2), ring);
        fade.setFromValue(0.9);
        fade.setToValue(0.0);
        ParallelTransition pulse = new ParallelTransition(grow, fade);
        pulse.setInterpolator(Interpolator.EASE_OUT);
        pulse.setCycleCount(Animation.INDEFINITE);
        return pulse;
    }
}
