package org.culturecard.central.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The texts: English, the kiosk's other three languages ready (falling back to English), an unknown key an error. */
class WebTextsTest {

    @Test
    void everyKioskLanguageHasABundleThatFallsBackToEnglish() {
        for (Locale language : Texts.LANGUAGES) {
            Texts texts = Texts.of(language);
            assertThat(texts.lang()).isEqualTo(language.getLanguage());
            assertThat(texts.get("signIn.title")).isEqualTo("Sign in");
            assertThat(Texts.class.getResource("/org/culturecard/central/web/messages"
                    + (language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage()) + ".properties")).isNotNull();
        }
        assertThat(Texts.of(Locale.JAPANESE).lang()).isEqualTo("en");
    }

    @Test
    void argumentsAreFilledInAndQuotesKept() {
        Texts texts = Texts.of(Locale.ENGLISH);
        assertThat(texts.get("signedInAs", "anne", "officer")).isEqualTo("Signed in as anne (officer)");
        assertThat(texts.get("footer.text")).contains("partnership's");
        assertThatThrownBy(() -> texts.get("no.such.key")).isInstanceOf(IllegalArgumentException.class);
    }
}
