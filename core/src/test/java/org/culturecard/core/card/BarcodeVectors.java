package org.culturecard.core.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared card number normalisation vectors ({@code barcode/normalisation-vectors.csv} on the
 * test class path): what every path that reads a card number must make of each input. Published in
 * core's test-jar, so that the kiosk's scanner and keypad and central's web sign-in are tested with
 * the same inputs as {@link LibraryBarcode}.
 */
public final class BarcodeVectors {
    /** The resource that holds the vectors. */
    public static final String RESOURCE = "/barcode/normalisation-vectors.csv";
    /** The expected column of an input that is not a card number. */
    public static final String REFUSED = "REFUSED";

    private BarcodeVectors() {}

    /**
     * One vector.
     *
     * @param input    what a scanner, keypad or web form gave, escapes resolved
     * @param expected the normalised number, or empty when the input must be refused
     * @param why      what the vector shows
     * @param line     its line in the file, for failure messages
     */
    public record Vector(String input, Optional<String> expected, String why, int line) {
        @Override
        public String toString() {
            return "line " + line + ": " + why;
        }
    }

    /** Every vector in the file, in file order. */
    public static List<Vector> all() {
        try (InputStream in = BarcodeVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (core's test-jar carries it)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Vector> parse(String text) {
        List<Vector> vectors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                vectors.add(vector(line, i + 1));
            }
        }
        return List.copyOf(vectors);
    }

    private static Vector vector(String line, int number) {
        if (!line.startsWith("\"")) {
            throw new IllegalArgumentException("line " + number + ": the input must be in double quotes");
        }
        StringBuilder input = new StringBuilder();
        int at = 1;
        while (at < line.length() && line.charAt(at) != '"') {
            char c = line.charAt(at++);
            if (c != '\\') {
                input.append(c);
                continue;
            }
            char escaped = line.charAt(at++);
            switch (escaped) {
                case 't' -> input.append('\t');
                case 'r' -> input.append('\r');
                case 'n' -> input.append('\n');
                case '"', '\\' -> input.append(escaped);
                case 'u' -> {
                    input.append((char) Integer.parseInt(line.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw new IllegalArgumentException("line " + number + ": unknown escape \\" + escaped);
            }
        }
        if (at + 1 >= line.length() || line.charAt(at + 1) != ',') {
            throw new IllegalArgumentException("line " + number + ": the closing quote must be followed by a comma");
        }
        String[] rest = line.substring(at + 2).split(",", 2);
        if (rest.length != 2 || rest[0].isEmpty() || rest[1].isBlank()) {
            throw new IllegalArgumentException("line " + number + ": expected input,expected,why");
        }
        Optional<String> expected = REFUSED.equals(rest[0]) ? Optional.empty() : Optional.of(rest[0]);
        return new Vector(input.toString(), expected, rest[1].strip(), number);
    }
}
