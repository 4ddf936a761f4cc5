package org.culturecard.kiosk.ui.screen;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The kiosk's words, from {@code org/culturecard/kiosk/ui/screen/messages*.properties}: the views hold no
 * literal text. Ordinals ("3rd") follow the language's own rule.
 */
public final class Messages {
    public static final String BUNDLE = "org.culturecard.kiosk.ui.screen.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}, through {@link MessageFormat} (so every apostrophe in a bundle is doubled). */
    public String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** "3rd" in English, "3." in Polish and Lithuanian, "3.ª" in Portuguese. */
    public String ordinal(int n) {
        if (!locale.getLanguage().equals("en")) {
            return text("ordinal.pattern", String.valueOf(n));
        }
        int lastTwo = n % 100;
        int last = n % 10;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
        return n + suffix;
    }
}
