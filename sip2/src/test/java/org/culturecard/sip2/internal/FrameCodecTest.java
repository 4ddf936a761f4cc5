package org.culturecard.sip2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The codec byte for byte against real SIP2 traffic, the HiveMQ way: each message a literal.
 *
 * <p>Requests are those of Evergreen's SIPServer test client, repository
 * evergreen-library-system/SIPServer at commit 27b89199efd2448ce1d9b89e0d6b7705e98161ba:
 * {@code t/SIPtest.pm} ({@code $login_test}, {@code $sc_status_test}, with its {@code $username} /
 * {@code $password} {@code sip_01}, {@code $instid} {@code BR1}, {@code $user_barcode} {@code 999999}),
 * {@code t/01patron_status.t} and {@code t/02patron_info.t}. The test client sends them without
 * error detection ({@code $error_detect = 0}), so they are compared with checksums off.
 *
 * <p>Replies are what that server writes for the sample patron {@code djfiander} of
 * {@code ILS/Patron.pm} (same commit), laid out field by field by {@code Sip/MsgType.pm} at commit
 * 0483b04efa19172ce6d3fa2c9d55ddcd8dab7351 ({@code build_patron_status}, {@code handle_patron_info},
 * {@code handle_end_patron_session}, {@code send_acs_status}); each matches the pattern its
 * {@code t/*.t} test holds it to. The timestamp is the request's, where the server would write its
 * own clock.
 */
class FrameCodecTest {
    private static final FrameCodec PLAIN = new FrameCodec('|', StandardCharsets.US_ASCII, false);
    private static final FrameCodec CHECKED = new FrameCodec('|', StandardCharsets.US_ASCII, true);

    private static String encode(FrameCodec codec, Frame frame, OptionalInt sequence) {
        return new String(codec.encode(frame, sequence), StandardCharsets.US_ASCII);
    }

    private static Received decode(FrameCodec codec, String text) throws Sip2CodecException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return codec.decode(bytes, bytes.length);
    }

    @Test
    void writesEvergreensLoginAndScStatusByteForByte() {
        assertThat(encode(PLAIN, Messages.login("sip_01", "sip_01", "BR1"), OptionalInt.of(1)))
                .isEqualTo("9300CNsip_01|COsip_01|CPBR1|\r");
        assertThat(encode(PLAIN, Messages.scStatus('1', 30, "2.00"), OptionalInt.of(2))).isEqualTo("9910302.00\r");
    }

    @Test
    void writesEvergreensPatronStatusRequestsByteForByte() {
        LocalDateTime when = LocalDateTime.of(2006, 1, 1, 8, 42, 37);

        assertThat(encode(PLAIN, Messages.patronStatus("001", when, "BR1", "999999", null, "badw"), OptionalInt.empty()))
                .as("t/01patron_status.t, 'invalid password Patron Status'")
                .isEqualTo("2300120060101    084237AOBR1|AA999999|AC|ADbadw|\r");
        assertThat(encode(PLAIN, Messages.patronStatus("001", when, "BR1", "wshakespeare", null, null), OptionalInt.empty()))
                .as("t/01patron_status.t, 'invalid Patron Status': no AD without a PIN")
                .isEqualTo("2300120060101    084237AOBR1|AAwshakespeare|AC|\r");
    }

    @Test
    void writesEvergreensPatronInformationRequestsByteForByte() {
        LocalDateTime when = LocalDateTime.of(2006, 3, 29, 20, 17, 0);

        assertThat(encode(PLAIN, Messages.patronInformation("000", when, "BR1", "999999", null, null), OptionalInt.empty()))
                .as("t/02patron_info.t, the template")
                .isEqualTo("6300020060329    201700          AOBR1|AA999999|\r");
        assertThat(encode(PLAIN, Messages.patronInformation("000", when, "BR1", "999999", null, "badpwd"), OptionalInt.empty()))
                .as("t/02patron_info.t, 'valid Patron Info, invalid password'")
                .isEqualTo("6300020060329    201700          AOBR1|AA999999|ADbadpwd|\r");
    }

    @Test
    void appendsSequenceNumberAndChecksumAsThe3mGuidesExample() {
        assertThat(encode(CHECKED, Frame.of("99", "0 402.00"), OptionalInt.of(1))).isEqualTo("990 402.00AY1AZFCB4\r");
        assertThat(encode(CHECKED, Messages.requestAcsResend(), OptionalInt.empty())).isEqualTo("97AZFEF5\r");
    }

    @Test
    void writesEndPatronSessionWithoutThePin() {
        Frame end = Messages.endPatronSession(LocalDateTime.of(2006, 3, 29, 20, 17, 0), "BR1", "999999", null);

        assertThat(encode(PLAIN, end, OptionalInt.empty())).isEqualTo("3520060329    201700AOBR1|AA999999|\r");
    }

    @Test
    void readsEvergreensPatronStatusReplyForAValidPatron() throws Exception {
        Received reply = decode(PLAIN, "24  Y           00120060101    084237AOBR1|AAdjfiander|AEDavid J. Fiander|BLY|CQY|");

        assertThat(reply.frame().code()).isEqualTo("24");
        assertThat(reply.frame().fixed()).isEqualTo("  Y           " + "001" + "20060101    084237");
        assertThat(reply.frame().fields()).containsExactly(new Field("AO", "BR1"), new Field("AA", "djfiander"),
                new Field("AE", "David J. Fiander"), new Field("BL", "Y"), new Field("CQ", "Y"));
        assertThat(reply.sequence()).isEmpty();
        assertThat(reply.checksummed()).isFalse();
    }

    @Test
    void readsEvergreensPatronStatusReplyForAnUnknownBarcode() throws Exception {
        Received reply = decode(PLAIN, "24YYYY          00120060101    084237AOBR1|AAwshakespeare|AE|BLN|");

        assertThat(reply.frame().fixed()).startsWith("YYYY          ");
        assertThat(reply.frame().first("AE")).contains("");
        assertThat(Replies.yesNoField(reply.frame(), "BL")).contains(false);
    }

    @Test
    void dropsNameAddressEmailAndPhoneOfAPatronInformationReplyWithoutReadingThem() throws Exception {
        String text = "64  Y           00020060329    201700000000000000000100000000AOBR1|AAdjfiander|AEDavid J. Fiander"
                + "|BD2 Meadowvale Dr. St Thomas, ON|BEdjfiander@hotmail.com|BF(519) 555 1234|AQBeacock|BLY|CQY"
                + "|PA20501231|PB19640925|PCA|PIY|";
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        Received reply = PLAIN.decode(bytes, bytes.length, Set.of("AA", "BL", "CQ", "AF", "PA", "PB")::contains);

        assertThat(reply.frame().code()).isEqualTo("64");
        assertThat(reply.frame().fixed()).endsWith("000000000000000100000000");
        assertThat(reply.frame().fields()).containsExactly(new Field("AA", "djfiander"), new Field("BL", "Y"),
                new Field("CQ", "Y"), new Field("PA", "20501231"), new Field("PB", "19640925"));
        assertThat(reply.frame().fields().toString()).doesNotContain("Fiander", "Meadowvale", "hotmail", "555");
    }

    @Test
    void readsAcsStatusLoginAndEndSessionReplies() throws Exception {
        Received status = decode(PLAIN, "98YNNYNN60000320060329    2017002.00AOBR1|BXYYYYYYYYYNYNYYYY|");
        Received end = decode(PLAIN, "36Y20060329    201700AOBR1|AAdjfiander|AFThank you for using Evergreen!|");

        assertThat(Replies.acsStatus(status.frame())).isEqualTo(
                new Replies.AcsStatus(true, "2.00", java.util.Optional.of("YYYYYYYYYNYNYYYY")));
        assertThat(Replies.sessionEnded(end.frame())).isTrue();
        assertThat(Replies.loginAccepted(decode(PLAIN, "941").frame())).isTrue();
        assertThat(Replies.loginAccepted(decode(PLAIN, "940").frame())).isFalse();
    }

    @Test
    void readsCassiesLoginReplyWithSequenceNumberAndChecksum() throws Exception {
        Received reply = decode(CHECKED, "941AY0AZFDFD");

        assertThat(reply.frame()).isEqualTo(Frame.of("94", "1"));
        assertThat(reply.sequence()).hasValue(0);
        assertThat(reply.checksummed()).isTrue();
    }

    @Test
    void flagsAReplyWhoseChecksumDoesNotMatchSoTheClientCanAskForItAgain() {
        assertThatThrownBy(() -> decode(CHECKED, "941AY0AZFDFE"))
                .isInstanceOfSatisfying(Sip2CodecException.class, e -> assertThat(e.isChecksumMismatch()).isTrue());
        assertThatThrownBy(() -> decode(CHECKED, "941"))
                .isInstanceOf(Sip2CodecException.class).hasMessageContaining("no checksum");
    }

    @Test
    void ignoresTheTrailerWithErrorDetectionOff() throws Exception {
        assertThat(decode(PLAIN, "941AY0AZFDFE").frame()).isEqualTo(Frame.of("94", "1"));
    }

    @Test
    void speaksAnotherDelimiterAndCharacterSet() throws Exception {
        Charset windows = Charset.forName("windows-1252");
        FrameCodec codec = new FrameCodec('^', windows, true);
        Frame frame = new Frame("36", "Y20261125    101530", List.of(new Field("AO", "CC"), new Field("AF", "Très bien | ok")));

        byte[] bytes = codec.encode(frame, OptionalInt.of(4));

        assertThat(bytes).contains((byte) 0xE8).doesNotContain((byte) 0xC3);
        Received back = codec.decode(bytes, bytes.length - 1);
        assertThat(back.frame()).isEqualTo(frame);
        assertThat(back.sequence()).hasValue(4);
    }

    @Test
    void refusesToWriteAValueThatWouldInjectAFieldOrEndTheMessageNamingTheFieldNotTheValue() {
        Frame injected = Frame.of("23", "000" + "20261125    101530", new Field("AA", "29000123|AD1234"));
        Frame ended = Frame.of("23", "000" + "20261125    101530", new Field("AA", "29000123\r63"));
        Frame notAscii = Frame.of("23", "000" + "20261125    101530", new Field("AA", "2900é"));

        assertThatThrownBy(() -> PLAIN.encode(injected, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field AA").hasMessageNotContaining("29000123");
        assertThatThrownBy(() -> PLAIN.encode(ended, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field AA").hasMessageNotContaining("29000123");
        assertThatThrownBy(() -> PLAIN.encode(notAscii, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("US-ASCII").hasMessageNotContaining("2900");
    }

    @Test
    void refusesMalformedMessagesWithMessagesThatQuoteNoContent() {
        assertThatThrownBy(() -> decode(PLAIN, "X")).hasMessageContaining("too short");
        assertThatThrownBy(() -> decode(PLAIN, "Hello world")).hasMessageContaining("two-digit message code");
        assertThatThrownBy(() -> decode(PLAIN, "18stuff")).hasMessageContaining("18 is not one this client speaks");
        assertThatThrownBy(() -> decode(PLAIN, "24YYYY")).hasMessageContaining("fewer than its 35-byte fixed part");
        assertThatThrownBy(() -> decode(PLAIN, "941|A|")).hasMessageContaining("one byte");
        assertThatThrownBy(() -> decode(PLAIN, "941|#secret|")).hasMessageContaining("field id").hasMessageNotContaining("secret");
    }

    @Test
    void skipsEmptyFieldsAndReadsALastFieldWithoutItsDelimiter() throws Exception {
        assertThat(decode(PLAIN, "36Y20060329    201700AOBR1||AAdjfiander").frame().fields())
                .containsExactly(new Field("AO", "BR1"), new Field("AA", "djfiander"));
    }
}
