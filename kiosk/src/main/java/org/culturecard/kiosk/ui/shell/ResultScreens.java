package org.culturecard.kiosk.ui.shell;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.List;
import java.util.stream.Collectors;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.ui.screen.Messages;
import org.culturecard.kiosk.ui.screen.Screen;

/**
 * What the result screens say (headline, message, the "your nth visit" line) for a check-in result,
 * the error screen and the reader-unavailable screen. Staff results are staff mode's, not these.
 * Part of {@link KioskViewModel}, which hands it to the
 * views; UI thread only.
 */
public final class ResultScreens {
    private final ScreenTimer screens;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recognition = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper award = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper awardBadge = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");

    ResultScreens(ScreenTimer screens) {
        this.screens = screens;
    }

    /**
     * Shows a young person's result and schedules the return to attract.
     *
     * @return false for a staff result, which these screens leave to staff mode
     */
    boolean show(CheckInResult result, Messages messages, String venueName) {
        recognition.set("");
        awards(CheckInResult.awardsOf(result), messages);
        if (CheckInResult.remindToRegister(result)) {
            display(Screen.NOT_REGISTERED, messages.text("unregistered.headline"), messages.text("unregistered.message"));
        } else if (result instanceof CheckInResult.Recorded recorded) {
            welcome(messages, messages.text("welcome.event", recorded.event().title()),
                    recorded.visitNumberThisYear());
        } else if (result instanceof CheckInResult.GeneralVisit visit) {
            welcome(messages, messages.text("welcome.visit", venueName), visit.visitNumberThisYear());
        } else if (result instanceof CheckInResult.AlreadyCheckedIn already) {
            display(Screen.ALREADY_CHECKED_IN, messages.text("already.headline"), already.isGeneralVisit()
                    ? messages.text("already.visit") : messages.text("already.event", already.event().title()));
        } else if (result instanceof CheckInResult.NotALibraryCard) {
            display(Screen.NOT_A_LIBRARY_CARD, messages.text("notcard.headline"), messages.text("notcard.message"));
        } else if (result instanceof CheckInResult.StaffCardRefused refused) {
            display(Screen.STAFF_CARD_REFUSED, messages.text("staffcard.headline"), messages.text(
                    refused.reason() == CheckInResult.StaffCardRefused.Reason.REVOKED ? "staffcard.revoked"
                            : "staffcard.noPin"));
        } else {
            return false;
        }
        return true;
    }

    /** The error screen: a tap could not be handled. */
    void error(Messages messages) {
        display(Screen.ERROR, messages.text("error.headline"), messages.text("error.message"));
    }

    /** The reader-unavailable screen, shown until a reader works again. */
    void readerUnavailable(Messages messages) {
        screens.cancelReturn();
        headline.set(messages.text("unavailable.headline"));
        message.set(messages.text("unavailable.message"));
        recognition.set("");
        awards(List.of(), messages);
        screens.show(Screen.READER_UNAVAILABLE);
    }

    private void welcome(Messages messages, String text, int visitNumber) {
        recognition.set(visitNumber <= 1 ? messages.text("recognition.first")
                : messages.text("recognition.nth", messages.ordinal(visitNumber)));
        display(Screen.WELCOME, messages.text("welcome.headline"), text);
    }

    /** The award line, its badge (the first award's id, or empty) and the goal progress line (ADR 37). */
    private void awards(List<PendingAward> awards, Messages messages) {
        String language = messages.locale().getLanguage();
        award.set(awards.isEmpty() ? "" : messages.text("award.earned",
                awards.stream().map(a -> a.name(language)).collect(Collectors.joining(", "))));
        awardBadge.set(awards.isEmpty() ? "" : awards.get(0).achievementId());
        progress.set(awards.stream().filter(a -> a.progressOf() != null).findFirst()
                .map(a -> messages.text("award.progress", a.progressDone(), a.progressOf(), a.progressPathway())).orElse(""));
    }

    private void display(Screen next, String headlineText, String messageText) {
        headline.set(headlineText);
        message.set(messageText);
        screens.showForAWhile(next);
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

    /** "You earned: Museum Explorer!", or empty. */
    public ReadOnlyStringProperty awardProperty() {
        return award.getReadOnlyProperty();
    }

    /** The achievement id whose badge the welcome screen shows, or empty. */
    public ReadOnlyStringProperty awardBadgeProperty() {
        return awardBadge.getReadOnlyProperty();
    }

    /** "1 of 2 towards Young Explorer", or empty. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
