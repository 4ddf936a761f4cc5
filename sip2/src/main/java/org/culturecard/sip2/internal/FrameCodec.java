package org.culturecard.sip2.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Frames to bytes and back, for one LMS's dialect: its field delimiter, its character set, and
 * whether error detection (AY sequence number, AZ checksum) is on (3M SIP2 spec, "Packet Format",
 * "Message Terminator", "Checksums and Sequence Numbers").
 *
 * <p>Encoding writes the code, the fixed part, each field as id + value + delimiter, then with error
 * detection {@code AY<n>AZ<checksum>}, then CR; it refuses a value that holds the delimiter, a CR or
 * LF, or a character the charset cannot carry, naming the field and never the value.
 *
 * <p>Decoding works on the bytes: it splits fields on the delimiter byte before decoding text, and
 * turns into strings only the fields the caller keeps, so a patron's name and address in a reply
 * are never made into strings at all. Garbage gives a {@link Sip2CodecException}, never another
 * exception. The trailer is read where the spec puts it: {@code AZ} and four hex digits at the very
 * end, optionally preceded by {@code AY} and one digit.
 */
public final class FrameCodec {
    private static final byte CR = '\r';
    private final byte delimiter;
    private final Charset charset;
    private final boolean errorDetection;

    /** {@code delimiter} must be a printable ASCII character; {@code charset} ASCII-compatible (see Sip2Config). */
    public FrameCodec(char delimiter, Charset charset, boolean errorDetection) {
        if (delimiter < '!' || delimiter > '~') {
            throw new IllegalArgumentException("the delimiter must be a printable ASCII character");
        }
        this.delimiter = (byte) delimiter;
        this.charset = Objects.requireNonNull(charset, "charset");
        this.errorDetection = errorDetection;
    }

    public boolean errorDetection() {
        return errorDetection;
    }

    /** The message's bytes, CR included; {@code sequence} (0 to 9) is written only with error detection on. */
    public byte[] encode(Frame frame, OptionalInt sequence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(frame.code().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes("the fixed part of " + frame.code(), frame.fixed()));
        for (Field field : frame.fields()) {
            out.writeBytes(field.id().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes("field " + field.id(), field.value()));
            out.write(delimiter);
        }
        if (errorDetection) {
            if (sequence.isPresent()) {
                int n = sequence.getAsInt();
                if (n < 0 || n > 9) {
                    throw new IllegalArgumentException("a sequence number is one digit, not " + n);
                }
                out.writeBytes(("AY" + n).getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("AZ".getBytes(StandardCharsets.US_ASCII));
            byte[] sofar = out.toByteArray();
            out.writeBytes(Checksum.of(sofar, sofar.length).getBytes(StandardCharsets.US_ASCII));
        }
        out.write(CR);
        return out.toByteArray();
    }

    /** Decodes one message ({@code line[0..length)}, CR already removed), keeping every field. */
    public Received decode(byte[] line, int length) throws Sip2CodecException {
        return decode(line, length, id -> true);
    }

    /** Decodes one message, turning into strings only the fields whose id {@code keep} accepts. */
    public Received decode(byte[] line, int length, Predicate<String> keep) throws Sip2CodecException {
        if (length < 2) {
            throw new Sip2CodecException("a message of " + length + " bytes is too short for a message code");
        }
        int end = length;
        OptionalInt sequence = OptionalInt.empty();
        boolean checksummed = hasChecksum(line, end);
        if (checksummed) {
            if (errorDetection && !Checksum.verifies(line, end)) {
                throw Sip2CodecException.checksumMismatch();
            }
            end -= 6;
            if (end >= 3 && line[end - 3] == 'A' && line[end - 2] == 'Y' && isDigit(line[end - 1])) {
                sequence = OptionalInt.of(line[end - 1] - '0');
                end -= 3;
            }
        } else if (errorDetection) {
            throw new Sip2CodecException("the message has no checksum (AZ) although error detection is on");
        }
        String code = code(line);
        int fixedLength = Layouts.fixedLength(code);
        if (fixedLength < 0) {
            throw new Sip2CodecException("message code " + code + " is not one this client speaks");
        }
        if (end < 2 + fixedLength) {
            throw new Sip2CodecException("message " + code + " has " + (end - 2) + " bytes after its code, fewer than its "
                    + fixedLength + "-byte fixed part");
        }
        String fixed = new String(line, 2, fixedLength, charset);
        return new Received(new Frame(code, fixed, fields(line, 2 + fixedLength, end, keep)), sequence, checksummed);
    }

    private List<Field> fields(byte[] line, int from, int end, Predicate<String> keep) throws Sip2CodecException {
        List<Field> fields = new ArrayList<>();
        int start = from;
        for (int i = from; i <= end; i++) {
            if (i < end && line[i] != delimiter) {
                continue;
            }
            int length = i - start;
            if (length == 1) {
                throw new Sip2CodecException("the field at byte " + (start + 1) + " is one byte, too short for a field id");
            }
            if (length >= 2) {
                if (!Field.isIdChar(line[start]) || !Field.isIdChar(line[start + 1])) {
                    throw new Sip2CodecException("the field at byte " + (start + 1) + " does not start with a two-character field id");
                }
                String id = new String(line, start, 2, StandardCharsets.US_ASCII);
                if (keep.test(id)) {
                    fields.add(new Field(id, new String(line, start + 2, length - 2, charset)));
                }
            }
            start = i + 1;
        }
        return fields;
    }

    private static boolean hasChecksum(byte[] line, int end) {
        if (end < 6 || line[end - 6] != 'A' || line[end - 5] != 'Z') {
            return false;
        }
        for (int i = end - 4; i < end; i++) {
            if (Character.digit(line[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String code(byte[] line) throws Sip2CodecException {
        if (!isDigit(line[0]) || !isDigit(line[1])) {
            throw new Sip2CodecException("the message does not start with a two-digit message code");
        }
        return new String(line, 0, 2, StandardCharsets.US_ASCII);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private byte[] bytes(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + " contains the field delimiter or a line break at position " + (i + 1));
            }
        }
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " holds a character that " + charset.name() + " cannot carry");
        }
    }
}
