package org.culturecard.kiosk.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the kiosk's two sounds as small 16-bit mono WAV files (how the shipped files in
 * src/main/resources/org/culturecard/kiosk/ui/sound/sounds were made): success, two rising notes (E5 then
 * G#5, a major third); refusal, two low falling notes (A3 then F3). Soft attack and release, no clicks.
 * Usage: {@code java kiosk/src/test/java/org/culturecard/kiosk/tools/ToneWriter.java <directory>}.
 */
public final class ToneWriter {
    private static final int RATE = 22_050;

    private ToneWriter() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        Files.write(dir.resolve("success.wav"), wav(notes(new double[] {659.25, 830.61}, 0.11, 0.16)));
        Files.write(dir.resolve("refusal.wav"), wav(notes(new double[] {220.0, 174.61}, 0.16, 0.22)));
    }

    static short[] notes(double[] frequencies, double first, double second) {
        int a = (int) (RATE * first);
        int b = (int) (RATE * second);
        short[] samples = new short[a + b];
        tone(samples, 0, a, frequencies[0]);
        tone(samples, a, b, frequencies[1]);
        return samples;
    }

    private static void tone(short[] out, int from, int length, double frequency) {
        int fade = RATE / 200;
        for (int i = 0; i < length; i++) {
            double envelope = Math.min(1.0, Math.min(i, length - 1 - i) / (double) fade);
            double value = Math.sin(2 * Math.PI * frequency * i / RATE) * 0.8
                    + Math.sin(4 * Math.PI * frequency * i / RATE) * 0.15;
            out[from + i] = (short) (value * envelope * 0.55 * Short.MAX_VALUE);
        }
    }

    static byte[] wav(short[] samples) {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            data.putShort(sample);
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + data.capacity()).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE)
                .putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(data.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
