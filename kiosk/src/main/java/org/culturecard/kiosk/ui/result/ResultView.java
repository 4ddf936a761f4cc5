package org.culturecard.kiosk.ui.result;

import java.net.URL;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.culturecard.kiosk.ui.fx.Nodes;
import org.culturecard.kiosk.ui.fx.Watch;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.shell.KioskViewModel;

/**
 * Every screen that answers a tap (welcome, already checked in, checked in but not registered, not a
 * library card, a refused staff card, error)
 * and the reader-unavailable screen: a big symbol in a white disc, a headline, a message and, for a
 * welcome, the recognition line and any award earned since the card's last tap, with its badge and the progress
 * towards the person's goal (ADR 37). The look follows the screen through a CSS pseudo-class.
 */
public final class ResultView extends VBox {
    private static final Map<Screen, String> MOODS = Map.of(
            Screen.WELCOME, "welcome", Screen.ALREADY_CHECKED_IN, "already", Screen.NOT_A_LIBRARY_CARD, "refused",
            Screen.ERROR, "error", Screen.READER_UNAVAILABLE, "unavailable", Screen.STAFF_CARD_REFUSED, "refused",
            Screen.NOT_REGISTERED, "remind");
    private static final Map<Screen, String> SYMBOLS = Map.of(
            Screen.WELCOME, "symbol-tick", Screen.ALREADY_CHECKED_IN, "symbol-tick",
            Screen.NOT_A_LIBRARY_CARD, "symbol-card", Screen.ERROR, "symbol-exclaim",
            Screen.READER_UNAVAILABLE, "symbol-pause", Screen.STAFF_CARD_REFUSED, "symbol-card",
            Screen.NOT_REGISTERED, "symbol-tick");

    private static final double BADGE_SIZE = 160;

    private final KioskViewModel model;
    private final Region symbol = Nodes.styled(new Region(), "badge-symbol");
    private final Label headline = Nodes.styled(new Label(), "result-headline");
    private final Label message = Nodes.styled(new Label(), "result-message");
    private final Label hint = Nodes.styled(new Label(), "result-hint");
    private final Label recognition = Nodes.styled(new Label(), "recognition");
    private final Label award = Nodes.styled(new Label(), "award");
    private final Label progress = Nodes.styled(new Label(), "award-progress");
    private final ImageView awardBadge = new ImageView();

    public ResultView(KioskViewModel model) {
        this.model = model;
        getStyleClass().add("result");
        setAlignment(Pos.CENTER);
        headline.setWrapText(true);
        message.setWrapText(true);
        recognition.setWrapText(true);
        hint.setWrapText(true);
        headline.textProperty().bind(model.results().headlineProperty());
        message.textProperty().bind(model.results().messageProperty());
        hint.setText(model.messages().text("notcard.hint"));
        recognition.textProperty().bind(model.results().recognitionProperty());
        StackPane badge = new StackPane(symbol);
        badge.getStyleClass().add("badge");
        award.textProperty().bind(model.results().awardProperty());
        progress.textProperty().bind(model.results().progressProperty());
        award.setWrapText(true);
        awardBadge.setId("award-badge");
        awardBadge.setFitWidth(BADGE_SIZE);
        awardBadge.setFitHeight(BADGE_SIZE);
        awardBadge.setPreserveRatio(true);
        getChildren().addAll(badge, headline, message, hint, recognition, awardBadge, award, progress);
        show(recognition, false);
        Watch.value(this, model.results().awardBadgeProperty(), (observable, was, is) -> awardBadge.setImage(badgeImage(is)));
        Watch.value(this, model.results().awardProperty(), (observable, was, is) -> update(model.screen()));
        Watch.value(this, model.results().progressProperty(), (observable, was, is) -> update(model.screen()));
        Watch.value(this, model.screenProperty(), (observable, was, is) -> update(is));
        headline.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        Watch.value(this, model.results().recognitionProperty(), (observable, was, is) -> update(model.screen()));
        update(model.screen());
    }

    private void update(Screen screen) {
        MOODS.forEach((shown, mood) -> pseudoClassStateChanged(PseudoClass.getPseudoClass(mood), shown == screen));
        symbol.getStyleClass().removeAll(SYMBOLS.values());
        if (SYMBOLS.containsKey(screen)) {
            symbol.getStyleClass().add(SYMBOLS.get(screen));
        }
        show(hint, screen == Screen.NOT_A_LIBRARY_CARD);
        show(recognition, screen == Screen.WELCOME && !model.results().recognitionProperty().get().isEmpty());
        boolean earned = screen == Screen.WELCOME && !model.results().awardProperty().get().isEmpty();
        show(award, earned);
        show(awardBadge, earned);
        show(progress, screen == Screen.WELCOME && !model.results().progressProperty().get().isEmpty());
    }

    /**
     * The badge bundled for {@code achievementId}, else the default badge; loaded in the background (no work on the
     * FX thread), null for none.
     */
    static Image badgeImage(String achievementId) {
        if (achievementId == null || achievementId.isEmpty()) {
            return null;
        }
        URL url = ResultView.class.getResource("badges/" + achievementId + ".png");
        return new Image((url == null ? ResultView.class.getResource("badges/default.png") : url).toExternalForm(), true);
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
