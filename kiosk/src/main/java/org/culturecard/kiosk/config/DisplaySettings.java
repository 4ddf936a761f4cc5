package org.culturecard.kiosk.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the screens look and sound, as staff set them: the venue's language, the high-contrast
 * theme, the text size (100 to 200 percent) and the volume (0 to 100). Kept in the store's settings
 * table, so they survive a restart.
 */
public record DisplaySettings(Locale language, boolean highContrast, int textScale, int volume) {
    /** The text sizes staff can choose, in percent. */
    public static final List<Integer> TEXT_SCALES = List.of(100, 125, 150, 175, 200);

    public DisplaySettings {
        Objects.requireNonNull(language, "language");
        if (!KioskConfig.LANGUAGES.contains(language.getLanguage())) {
            throw new IllegalArgumentException("no screens in " + language);
        }
        if (!TEXT_SCALES.contains(textScale)) {
            throw new IllegalArgumentException("text size is one of " + TEXT_SCALES);
        }
        if (volume < 0 || volume > 100) {
            throw new IllegalArgumentException("volume is 0 to 100");
        }
    }

    public static DisplaySettings defaults(Locale language) {
        return new DisplaySettings(language, false, 100, 80);
    }
}
