package org.culturecard.kiosk.ui;

import java.net.URL;
import java.time.ZoneId;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.ui.attract.AttractView;
import org.culturecard.kiosk.ui.pin.PinPadView;
import org.culturecard.kiosk.ui.result.ResultView;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.self.SelfRegisterView;
import org.culturecard.kiosk.ui.shell.KioskViewModel;
import org.culturecard.kiosk.ui.staff.StaffView;

/**
 * The kiosk's whole window content: the attract screen, the result screen, the PIN pad and staff
 * mode, one visible at a time as the view model's {@link Screen} says, styled by {@code theme.css}
 * (plus the high-contrast variant and a text size class, as the display settings say). The screens
 * are rebuilt when the language changes. Binds to the view model and never the reverse; it also
 * routes keys: typed characters on attract to the barcode wedge, keys on the PIN pad to the pad,
 * and any input in staff mode to the idle timer.
 */
public final class KioskView extends StackPane {
    public static final String THEME = "theme.css";
    public static final String HIGH_CONTRAST = "theme-high-contrast.css";

    private final KioskViewModel model;
    private final ZoneId zone;
    private final Timeline clock;
    private AttractView attract;
    private ResultView result;
    private PinPadView pinPad;
    private StaffView staff;
    private SelfRegisterView selfRegister;

    public KioskView(KioskViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        getStyleClass().add("kiosk-root");
        build();
        model.screenProperty().addListener((observable, was, is) -> show(is));
        model.messagesProperty().addListener((observable, was, is) -> build());
        model.settingsProperty().addListener((observable, was, is) -> applySettings(is));
        applyTextScale(model.settings());
        addEventFilter(KeyEvent.KEY_TYPED, this::typed);
        addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
        addEventFilter(MouseEvent.MOUSE_PRESSED, this::activity);
        addEventFilter(TouchEvent.TOUCH_PRESSED, this::activity);
        clock = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    /** A scene of this view with the theme and, if the settings say so, the high-contrast variant. */
    public Scene scene(double width, double height) {
        Scene scene = new Scene(this, width, height);
        applySettings(model.settings());
        return scene;
    }

    /** Stops the clock and animations (for tests and shutdown). */
    public void stop() {
        clock.stop();
        attract.animate(false);
    }

    private void build() {
        if (attract != null) {
            attract.animate(false);
        }
        attract = new AttractView(model);
        result = new ResultView(model);
        pinPad = new PinPadView(model.staff());
        staff = new StaffView(model.staff(), zone);
        getChildren().setAll(attract, result, pinPad, staff);
        selfRegister = null;
        if (model.selfRegister().available()) {
            selfRegister = new SelfRegisterView(model.selfRegister(), model.messages(), model::staffActivity);
            getChildren().add(selfRegister);
        }
        show(model.screen());
    }

    private void show(Screen screen) {
        Screen.Group group = screen.group();
        boolean attracting = group == Screen.Group.ATTRACT;
        attract.setVisible(attracting);
        attract.animate(attracting);
        result.setVisible(group == Screen.Group.RESULT);
        pinPad.setVisible(group == Screen.Group.PIN);
        staff.setVisible(group == Screen.Group.STAFF);
        if (selfRegister != null) {
            selfRegister.setVisible(group == Screen.Group.SELF);
        }
        if (group == Screen.Group.PIN) {
            pinPad.requestFocus();
        }
    }

    private void applySettings(DisplaySettings settings) {
        applyTextScale(settings);
        Scene scene = getScene();
        if (scene != null) {
            scene.getStylesheets().setAll(stylesheet(THEME));
            if (settings.highContrast()) {
                scene.getStylesheets().add(stylesheet(HIGH_CONTRAST));
            }
        }
    }

    private void applyTextScale(DisplaySettings settings) {
        getStyleClass().removeIf(name -> name.startsWith("text-"));
        getStyleClass().add("text-" + settings.textScale());
    }

    private void typed(KeyEvent event) {
        String character = event.getCharacter();
        if (model.screen() == Screen.ATTRACT && character.length() == 1) {
            model.keyTyped(character.charAt(0));
        }
        activity(event);
    }

    private void pressed(KeyEvent event) {
        if (model.screen() == Screen.STAFF_PIN) {
            pinPad.key(event);
        }
        activity(event);
    }

    private void activity(Event event) {
        if (model.screen().timesOutWhenIdle()) {
            model.staffActivity();
        }
    }

    static String stylesheet(String name) {
        URL url = Objects.requireNonNull(KioskView.class.getResource(name), name);
        return url.toExternalForm();
    }
}
