package org.culturecard.kiosk.ui;

import java.net.URL;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The kiosk's whole window content: the attract screen and the result screen, one visible at a
 * time as the view model's {@link Screen} says, styled by {@code theme.css} (plus the
 * high-contrast variant when asked). Binds to the view model and never the reverse.
 */
public final class KioskView extends StackPane {
    public static final String THEME = "theme.css";
    public static final String HIGH_CONTRAST = "theme-high-contrast.css";

    private final AttractView attract;
    private final Timeline clock;

    public KioskView(KioskViewModel model) {
        getStyleClass().add("kiosk-root");
        attract = new AttractView(model);
        ResultView result = new ResultView(model);
        getChildren().addAll(attract, result);
        model.screenProperty().addListener((observable, was, is) -> show(is));
        show(model.screen());
        clock = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
    }

    /** A scene of this view with the theme, and the high-contrast variant when {@code highContrast}. */
    public Scene scene(double width, double height, boolean highContrast) {
        Scene scene = new Scene(this, width, height);
        scene.getStylesheets().add(stylesheet(THEME));
        if (highContrast) {
            scene.getStylesheets().add(stylesheet(HIGH_CONTRAST));
        }
        return scene;
    }

    /** Stops the clock and animations (for tests and shutdown). */
    public void stop() {
        clock.stop();
        attract.animate(false);
    }

    private void show(Screen screen) {
        boolean attracting = screen == Screen.ATTRACT;
        attract.setVisible(attracting);
        attract.animate(attracting);
        getChildren().get(1).setVisible(!attracting);
    }

    static String stylesheet(String name) {
        URL url = Objects.requireNonNull(KioskView.class.getResource(name), name);
        return url.toExternalForm();
    }
}
