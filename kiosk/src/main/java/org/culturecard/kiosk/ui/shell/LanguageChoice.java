package org.culturecard.kiosk.ui.shell;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.ui.fx.Scheduler;
import org.culturecard.kiosk.ui.screen.Messages;

/**
 * The language the screens speak and the display settings: the venue's language, or one a young
 * person chose on the attract screen until their result is over or they walk away. Part of
 * {@link KioskViewModel}; UI thread only.
 */
final class LanguageChoice {
    private final ReadOnlyObjectWrapper<Messages> messages = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DisplaySettings> settings = new ReadOnlyObjectWrapper<>();
    private final Scheduler scheduler;
    private final Duration walkedAway;
    private final Consumer<Messages> onChange;
    private Scheduler.Cancellable languageReturn = () -> { };

    /** @param onChange told the new words every time the language changes, and once now */
    LanguageChoice(DisplaySettings initial, Scheduler scheduler, Duration walkedAway, Consumer<Messages> onChange) {
        this.scheduler = scheduler;
        this.walkedAway = walkedAway;
        this.onChange = onChange;
        settings.set(initial);
        use(initial.language());
    }

    /** A language chosen on the attract screen; back to the venue's after a while if still on attract. */
    void choose(Locale language, BooleanSupplier stillOnAttract) {
        if (!language.getLanguage().equals(messages().locale().getLanguage())) {
            use(language);
        }
        languageReturn.cancel();
        languageReturn = scheduler.after(walkedAway, () -> {
            if (stillOnAttract.getAsBoolean()) {
                useVenueLanguage();
            }
        });
    }

    void useVenueLanguage() {
        if (!messages().locale().getLanguage().equals(settings.get().language().getLanguage())) {
            use(settings.get().language());
        }
    }

    /** New display settings: their language at once. */
    void apply(DisplaySettings newSettings) {
        settings.set(newSettings);
        use(newSettings.language());
    }

    private void use(Locale language) {
        Messages chosen = Messages.forLocale(language);
        messages.set(chosen);
        onChange.accept(chosen);
    }

    Messages messages() {
        return messages.get();
    }

    DisplaySettings settings() {
        return settings.get();
    }

    ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<DisplaySettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }
}
