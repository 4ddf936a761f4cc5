package org.culturecard.central.web.view;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words on the pages, from {@code org/culturecard/central/web/messages*.properties}: English
 * now; the kiosk's other languages (Polish, Lithuanian, Portuguese) have their bundles ready, empty
 * until translated, so a key falls back to English.
 */
public final class Texts {

    /** The languages of the kiosk, English first. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("lt"), Locale.forLanguageTag("pt"));
    static final String BUNDLE = "org.culturecard.central.web.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts in {@code locale}, English for a language the kiosk does not have. */
    public static Texts of(Locale locale) {
        boolean known = LANGUAGES.stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
        return new Texts(known ? Locale.forLanguageTag(locale.getLanguage()) : Locale.ENGLISH);
    }

    /** The {@code lang} attribute of the pages. */
    public String lang() {
        return locale.getLanguage();
    }

    /** The text of {@code key}, with {@code args} put in its {0}, {1}... places. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for " + key, e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
