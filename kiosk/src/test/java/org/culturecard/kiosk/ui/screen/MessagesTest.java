package org.culturecard.kiosk.ui.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"pl", "pt", "lt"})
    void everyLanguageHasEveryKeyAndNoOther(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties other = load("messages_" + language + ".properties");

        assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(other.getProperty(key)).as(language + " " + key).isNotBlank();
            Messages.forLocale(Locale.forLanguageTag(language)).text(key, 1, 1);
        }
    }

    @Test
    void writesEnglishOrdinals() {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        assertThat(english.ordinal(1)).isEqualTo("1st");
        assertThat(english.ordinal(2)).isEqualTo("2nd");
        assertThat(english.ordinal(3)).isEqualTo("3rd");
        assertThat(english.ordinal(11)).isEqualTo("11th");
        assertThat(english.ordinal(22)).isEqualTo("22nd");
        assertThat(english.ordinal(113)).isEqualTo("113th");
    }

    @Test
    void speaksPolishAndPortuguese() {
        assertThat(Messages.forLocale(Locale.forLanguageTag("pl")).text("recognition.nth",
                Messages.forLocale(Locale.forLanguageTag("pl")).ordinal(3))).isEqualTo("To Twoja 3. wizyta tutaj w tym roku");
        assertThat(Messages.forLocale(Locale.forLanguageTag("pt")).text("welcome.headline")).isEqualTo("Bem-vindo!");
        assertThat(Messages.forLocale(Locale.ENGLISH).text("welcome.event", "Jazz night"))
                .isEqualTo("You're checked in to Jazz night");
    }

    /** Views take every word from the bundles: no string literal is handed to a control's text in any ui package. */
    @Test
    void noViewHoldsALiteralString() throws IOException {
        java.util.regex.Pattern literalText = java.util.regex.Pattern.compile(
                "new (Label|Button|CheckBox|ToggleButton|Text|Tooltip|RadioButton)\\(\\s*\"[^\"]+\""
                + "|\\.set(Text|AccessibleText|PromptText|Title|AccessibleHelp)\\(\\s*\"[^\"]+\"");
        java.nio.file.Path ui = java.nio.file.Path.of("src/main/java/org/culturecard/kiosk/ui");
        java.util.List<String> offenders = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(ui)) { // the views, their pages and helpers, in every ui package
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
                for (int n = 0; n < lines.size(); n++) {
                    if (literalText.matcher(lines.get(n)).find()) {
                        offenders.add(file.getFileName() + ":" + (n + 1) + ": " + lines.get(n).strip());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        try (var files = java.nio.file.Files.walk(ui)) {
            assertThat(files.filter(f -> f.toString().endsWith("View.java")).count()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void everyCategoryChoiceHasWordsInEveryLanguage() {
        for (String language : new String[] {"en", "pl", "pt", "lt"}) {
            Messages messages = Messages.forLocale(Locale.forLanguageTag(language));
            for (org.culturecard.core.event.Coded coded : allChoices()) {
                String prefix = coded instanceof org.culturecard.core.event.Sector ? "sector."
                        : coded instanceof org.culturecard.core.event.ArtsActivity ? "activity."
                        : coded instanceof org.culturecard.core.event.Mode ? "mode." : "age.";
                assertThat(messages.text(prefix + coded.code())).as(language + " " + coded).isNotBlank();
            }
        }
    }

    private static java.util.List<org.culturecard.core.event.Coded> allChoices() {
        java.util.List<org.culturecard.core.event.Coded> all = new java.util.ArrayList<>();
        all.addAll(java.util.List.of(org.culturecard.core.event.Sector.values()));
        all.addAll(java.util.List.of(org.culturecard.core.event.ArtsActivity.values()));
        all.addAll(java.util.List.of(org.culturecard.core.event.Mode.values()));
        all.addAll(java.util.List.of(org.culturecard.core.event.AgeBand.values()));
        return all;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
