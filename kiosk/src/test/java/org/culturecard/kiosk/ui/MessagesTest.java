package org.culturecard.kiosk.ui;

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

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
