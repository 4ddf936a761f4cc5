package org.culturecard.sip2.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.culturecard.sip2.BirthDate;
import org.culturecard.sip2.LmsUnavailable.Reason;
import org.culturecard.sip2.PatronBarcode;
import org.culturecard.sip2.PatronFacts;
import org.culturecard.sip2.PatronFlag;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.internal.Frame;
import org.culturecard.sip2.internal.FrameCodec;
import org.junit.jupiter.api.Test;

/** Reading patron replies into facts: only what the scheme needs, and only about the card asked about. */
class PatronRepliesTest {
    private static final Sip2Config CONFIG = Sip2Config.builder("lms", 6001).build();
    private static final FrameCodec CODEC = new FrameCodec('|', StandardCharsets.UTF_8, false);
    private static final String HEAD = "64" + "Y   Y         " + "000" + "20261125    101530" + "0000".repeat(6);

    private static Frame frame(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return CODEC.decode(bytes, bytes.length, PatronReplies.keep(CONFIG)).frame();
    }

    @Test
    void readsFlagsAnswersDatesAndTheScreenMessageOnly() throws Exception {
        Frame reply = frame(HEAD + "AOCC|AA29000123|AEAnn Reader|BD1 Library St|BLY|CQN|PA2028-08-31|PB20120304"
                + "|AFCard lost|AF\u0007see staff|");

        PatronFacts facts = PatronReplies.facts(reply, PatronBarcode.of("29000123"), CONFIG);

        assertThat(facts).isEqualTo(new PatronFacts(java.util.Set.of(PatronFlag.CHARGE_PRIVILEGES_DENIED,
                PatronFlag.CARD_REPORTED_LOST), Optional.of(true), Optional.of(false), Optional.of(LocalDate.of(2028, 8, 31)),
                Optional.of(new BirthDate(LocalDate.of(2012, 3, 4))), Optional.of("Card lost see staff")));
        assertThat(reply.fields()).extracting(f -> f.id()).doesNotContain("AE", "BD", "AO");
    }

    @Test
    void matchesThePatronIdentifierIgnoringCaseAndSurroundingBlanks() throws Exception {
        Frame reply = frame(HEAD + "AA a1234B |BLY|");

        assertThat(PatronReplies.facts(reply, PatronBarcode.of("A1234b"), CONFIG).validPatron()).contains(true);
    }

    @Test
    void refusesAReplyForAnotherPatronOrForNobody() throws Exception {
        assertThatThrownBy(() -> PatronReplies.facts(frame(HEAD + "AA29000999|BLY|"), PatronBarcode.of("29000123"), CONFIG))
                .isInstanceOfSatisfying(Sip2Failure.class, f -> assertThat(f.reason()).isEqualTo(Reason.BAD_REPLY))
                .hasMessageContaining("another patron").hasMessageNotContaining("29000");
        assertThatThrownBy(() -> PatronReplies.facts(frame(HEAD + "BLY|"), PatronBarcode.of("29000123"), CONFIG))
                .hasMessageContaining("no patron identifier (AA)");
    }

    @Test
    void refusesAPatronStatusThatIsNeitherYNorBlankAndAYesNoFieldThatIsNeither() throws Exception {
        String bad = "64" + "Y   X         " + HEAD.substring(16);

        assertThatThrownBy(() -> PatronReplies.facts(frame(bad + "AA29000123|"), PatronBarcode.of("29000123"), CONFIG))
                .hasMessageContaining("position 5");
        assertThatThrownBy(() -> PatronReplies.facts(frame(HEAD + "AA29000123|BLmaybe|"), PatronBarcode.of("29000123"), CONFIG))
                .hasMessageContaining("field BL");
    }

    @Test
    void ignoresADateItCannotReadRatherThanGuess() throws Exception {
        PatronFacts facts = PatronReplies.facts(frame(HEAD + "AA29000123|PA31/08/2028|PB20121304|"),
                PatronBarcode.of("29000123"), CONFIG);

        assertThat(facts.validUntil()).isEmpty();
        assertThat(facts.birthDate()).isEmpty();
    }

    @Test
    void readsTheConfiguredFieldsWhereAnLmsPutsDatesElsewhere() throws Exception {
        Sip2Config elsewhere = CONFIG.toBuilder().birthDateField("XB").expiryField("XE").build();
        byte[] bytes = (HEAD + "AA29000123|PA20280831|XE20270101|XB20100101|").getBytes(StandardCharsets.UTF_8);
        Frame reply = CODEC.decode(bytes, bytes.length, PatronReplies.keep(elsewhere)).frame();

        PatronFacts facts = PatronReplies.facts(reply, PatronBarcode.of("29000123"), elsewhere);

        assertThat(facts.validUntil()).contains(LocalDate.of(2027, 1, 1));
        assertThat(facts.birthDate()).contains(new BirthDate(LocalDate.of(2010, 1, 1)));
    }
}
