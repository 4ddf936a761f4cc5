package org.culturecard.core.card;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A library card's number, read from its printed barcode by a scanner, typed on a keypad or entered
 * on the web, normalised one way on every path so that one card gives one token
 * ({@link org.culturecard.core.privacy.Pseudonymiser#tokenFor(LibraryBarcode)}) wherever it is read.
 * Like {@link CardUid}, it lives only in memory: its {@link #toString()} shows only the length.
 *
 * <p>Normalisation, in this order (the shared vectors in core's test resources,
 * {@code barcode/normalisation-vectors.csv}, are the specification's examples):
 * <ol>
 *   <li>white space and control characters at either end are removed (a scanner's CR or LF, a
 *       keypad's spaces, a pasted no-break space);</li>
 *   <li>a Codabar start and stop character pair is removed: the first and last characters are each
 *       one of A, B, C or D (either case) and everything between them is digits, the only Codabar
 *       data characters a library number may hold. Scanners set to send them put them around the
 *       number; a number with letters inside ({@code ABC123D}) is not Codabar and is kept whole;</li>
 *   <li>letters become upper case;</li>
 *   <li>what remains must be 4 to 32 ASCII letters or digits
 *       ({@link org.culturecard.core.privacy.Pseudonymiser#tokenForBarcode}'s rule), or it is refused.</li>
 * </ol>
 */
public final class LibraryBarcode {
    /** The fewest characters of a number. */
    public static final int MIN_LENGTH = 4;
    /** The most characters of a number. */
    public static final int MAX_LENGTH = 32;
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Z]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");
    private static final Pattern CODABAR = Pattern.compile("[ABCDabcd]([0-9]+)[ABCDabcd]");

    private final String number;

    private LibraryBarcode(String number) {
        this.number = number;
    }

    /**
     * The normalised number of what a scanner, keypad or web form gave, or empty when it is not a
     * library card number (the caller says so on screen, without repeating the input).
     */
    public static Optional<LibraryBarcode> parse(CharSequence input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = stripEnds(input);
        var codabar = CODABAR.matcher(text);
        if (codabar.matches()) {
            text = codabar.group(1);
        }
        text = text.toUpperCase(Locale.ROOT);
        return NUMBER.matcher(text).matches() ? Optional.of(new LibraryBarcode(text)) : Optional.empty();
    }

    /**
     * As {@link #parse}, for input already known to be a card number.
     *
     * @throws IllegalArgumentException when it is not one (the message does not repeat the input)
     */
    public static LibraryBarcode of(CharSequence input) {
        return parse(input).orElseThrow(() -> new IllegalArgumentException("a library card number is "
                + MIN_LENGTH + " to " + MAX_LENGTH + " letters or digits after normalisation"));
    }

    /**
     * The normalised number, for the two places that need it: the pseudonymiser and the SIP2 patron
     * identifier sent to the library system. Never store, log, send or show it.
     */
    public String number() {
        return number;
    }

    public int length() {
        return number.length();
    }

    private static String stripEnds(CharSequence input) {
        int from = 0;
        int to = input.length();
        while (from < to && isBlank(input.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(input.charAt(to - 1))) {
            to--;
        }
        return input.subSequence(from, to).toString();
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LibraryBarcode that && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }

    @Override
    public String toString() {
        return "LibraryBarcode[" + number.length() + " chars]";
    }
}
