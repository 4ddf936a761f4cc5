package org.culturecard.sip2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the codec: every frame it can write reads back as itself (in every dialect the
 * config allows), and no byte sequence makes decoding throw anything but its own exception.
 */
class FrameCodecPropertiesTest {
    private static final List<String> CODES = List.of("93", "94", "99", "98", "23", "24", "63", "64", "35", "36", "96", "97");
    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            StandardCharsets.US_ASCII, Charset.forName("windows-1252"), Charset.forName("IBM850"));

    @Property(tries = 500)
    void everyFrameReadsBackAsItself(@ForAll("frames") Frame frame, @ForAll("delimiters") char delimiter,
            @ForAll boolean errorDetection, @ForAll @IntRange(min = 0, max = 9) int sequence) throws Exception {
        Frame sendable = withoutDelimiter(frame, delimiter);
        FrameCodec codec = new FrameCodec(delimiter, StandardCharsets.UTF_8, errorDetection);

        byte[] bytes = codec.encode(sendable, OptionalInt.of(sequence));

        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\r');
        Received back = codec.decode(bytes, bytes.length - 1);
        assertThat(back.frame()).isEqualTo(sendable);
        assertThat(back.sequence()).isEqualTo(errorDetection ? OptionalInt.of(sequence) : OptionalInt.empty());
    }

    @Property(tries = 300)
    void everyFrameReadsBackInEverySingleByteCharset(@ForAll("latinFrames") Frame frame, @ForAll("charsets") Charset charset)
            throws Exception {
        FrameCodec codec = new FrameCodec('|', charset, true);

        byte[] bytes = codec.encode(frame, OptionalInt.of(3));

        assertThat(codec.decode(bytes, bytes.length - 1).frame()).isEqualTo(frame);
    }

    @Property(tries = 2000)
    void garbageNeverThrowsAnythingButTheCodecsOwnException(@ForAll @Size(max = 400) byte[] garbage,
            @ForAll boolean errorDetection) {
        FrameCodec codec = new FrameCodec('|', StandardCharsets.UTF_8, errorDetection);
        try {
            Received received = codec.decode(garbage, garbage.length);
            Replies.yesNoField(received.frame(), "BL");
        } catch (Sip2CodecException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            fail("decoding garbage threw " + e);
        }
    }

    @Property(tries = 2000)
    void aValidHeadWithGarbageAfterItNeverThrowsAnythingButTheCodecsOwnException(@ForAll("codes") String code,
            @ForAll @Size(max = 200) byte[] tail) {
        byte[] bytes = new byte[2 + tail.length];
        bytes[0] = (byte) code.charAt(0);
        bytes[1] = (byte) code.charAt(1);
        System.arraycopy(tail, 0, bytes, 2, tail.length);
        try {
            Frame frame = new FrameCodec('|', StandardCharsets.UTF_8, false).decode(bytes, bytes.length).frame();
            readAsItsType(frame);
        } catch (Sip2CodecException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            fail("decoding " + code + " with garbage threw " + e);
        }
    }

    private static void readAsItsType(Frame frame) throws Sip2CodecException {
        switch (frame.code()) {
            case "94" -> Replies.loginAccepted(frame);
            case "98" -> Replies.acsStatus(frame);
            case "36" -> Replies.sessionEnded(frame);
            default -> Replies.yesNoField(frame, "CQ");
        }
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of(CODES);
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of('|', '^', '~', '#', '!', '*');
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(CHARSETS);
    }

    @Provide
    Arbitrary<Frame> frames() {
        return frames(Arbitraries.strings().all().excludeChars('\r', '\n').ofMaxLength(40)
                .filter(s -> s.codePoints().allMatch(Character::isDefined)
                        && s.chars().noneMatch(c -> Character.isSurrogate((char) c))));
    }

    @Provide
    Arbitrary<Frame> latinFrames() {
        return frames(Arbitraries.strings().withCharRange(' ', '~').excludeChars('|').ofMaxLength(40));
    }

    private static Arbitrary<Frame> frames(Arbitrary<String> values) {
        Arbitrary<String> code = Arbitraries.of(CODES);
        Arbitrary<Field> field = Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(2), values).as(Field::new);
        return Combinators.combine(code, field.list().ofMaxSize(8), Arbitraries.strings().numeric().ofLength(60))
                .as((c, fields, digits) -> new Frame(c, digits.substring(0, Layouts.fixedLength(c)), fields));
    }

    private static Frame withoutDelimiter(Frame frame, char delimiter) {
        List<Field> fields = new ArrayList<>();
        for (Field f : frame.fields()) {
            fields.add(new Field(f.id(), f.value().replace(delimiter, '_')));
        }
        return new Frame(frame.code(), frame.fixed(), fields);
    }
}
