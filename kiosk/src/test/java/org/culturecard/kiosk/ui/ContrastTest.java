package org.culturecard.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The high-contrast theme's primary text against its backgrounds, computed from the colour values
 * in the CSS files themselves (WCAG 2 relative luminance): at least 7:1 (level AAA).
 */
class ContrastTest {
    private static final Pattern COLOUR = Pattern.compile("(-cc-[a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");

    @Test
    void primaryTextInTheHighContrastThemeIsAtLeastSevenToOne() throws IOException {
        Map<String, String> colours = colours("theme.css");
        colours.putAll(colours("theme-high-contrast.css"));
        String css = read("theme-high-contrast.css");

        String text = colours.get("-cc-on-colour");
        for (String background : new String[] {"-cc-attract-top", "-cc-attract-bottom", "-cc-welcome-top",
            "-cc-welcome-bottom", "-cc-already-top", "-cc-refused-top", "-cc-refused-bottom", "-cc-quiet-top",
            "-cc-quiet-bottom", "-cc-veil", "-cc-veil-strong", "-cc-button"}) {
            assertThat(ratio(text, colours.get(background))).as("text on " + background).isGreaterThanOrEqualTo(7.0);
        }
        String headline = declared(css, "\\.tap-headline, \\.result-headline", "-fx-text-fill");
        assertThat(ratio(headline, colours.get("-cc-attract-top"))).isGreaterThanOrEqualTo(7.0);
        String badge = declared(css, "\\.badge", "-fx-background-color");
        assertThat(ratio(colours.get("-cc-ink"), badge)).as("symbol on the badge").isGreaterThanOrEqualTo(7.0);
        assertThat(ratio(colours.get("-cc-ink"), colours.get("-cc-ok"))).as("OK key").isGreaterThanOrEqualTo(7.0);
        assertThat(ratio(colours.get("-cc-ink"), colours.get("-cc-warn"))).as("staff alert").isGreaterThanOrEqualTo(7.0);
        assertThat(ratio(colours.get("-cc-warning-ink"), colours.get("-cc-warning-back"))).as("status warning")
                .isGreaterThanOrEqualTo(7.0);
        assertThat(ratio(colours.get("-cc-alert-ink"), colours.get("-cc-alert-back"))).as("status alert")
                .isGreaterThanOrEqualTo(7.0);
        String primary = declared(css, "\\.staff-primary", "-fx-background-color");
        assertThat(ratio(declared(css, "\\.staff-primary", "-fx-text-fill"), primary)).isGreaterThanOrEqualTo(7.0);
    }

    @Test
    void theStatusWarningAndAlertAreReadableInTheStandardThemeToo() throws IOException {
        Map<String, String> colours = colours("theme.css");

        assertThat(ratio(colours.get("-cc-warning-ink"), colours.get("-cc-warning-back"))).isGreaterThanOrEqualTo(7.0);
        assertThat(ratio(colours.get("-cc-alert-ink"), colours.get("-cc-alert-back"))).isGreaterThanOrEqualTo(7.0);
    }

    @Test
    void computesKnownRatios() {
        assertThat(ratio("#ffffff", "#000000")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("#777777", "#ffffff")).isEqualTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    }

    static double ratio(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Map<String, String> colours(String file) throws IOException {
        Map<String, String> found = new HashMap<>();
        Matcher matcher = COLOUR.matcher(read(file));
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }

    /** The value of {@code property} in the first rule whose selector matches {@code selector}. */
    private static String declared(String css, String selector, String property) {
        Matcher rule = Pattern.compile("(?m)^" + selector + "\\s*\\{([^}]*)}").matcher(css);
        assertThat(rule.find()).as(selector).isTrue();
        Matcher value = Pattern.compile(Pattern.quote(property) + ":\\s*(#[0-9a-fA-F]{6})").matcher(rule.group(1));
        assertThat(value.find()).as(selector + " " + property).isTrue();
        return value.group(1);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = KioskView.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
