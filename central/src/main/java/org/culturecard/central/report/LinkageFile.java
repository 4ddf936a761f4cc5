package org.culturecard.central.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a council's linkage CSV: a header {@code token,age_band,imd_decile,pupil_premium}, then one
 * line per young person; empty fields are unknown; pupil premium is {@code yes/no/true/false/y/n/1/0}.
 * Errors name the line number, never its content, since the content pairs a token with attributes.
 */
public final class LinkageFile {

    public static final String HEADER = "token,age_band,imd_decile,pupil_premium";
    /** A council file bigger than this is refused (a whole country's children fit). */
    public static final int MAX_ROWS = 20_000_000;

    private LinkageFile() {
    }

    public static List<LinkageRow> parse(Reader source) {
        List<LinkageRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            String header = reader.readLine();
            if (header == null || !HEADER.equals(header.strip().replace(" ", "").toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the linkage file must start with the header " + HEADER);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                LinkageRow row = row(line, number);
                if (!seen.add(row.token())) {
                    throw new IllegalArgumentException("linkage file line " + number + ": a token listed twice");
                }
                if (rows.size() == MAX_ROWS) {
                    throw new IllegalArgumentException("the linkage file has more than " + MAX_ROWS + " lines");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the linkage file", e);
        }
        return rows;
    }

    private static LinkageRow row(String line, int number) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("linkage file line " + number + ": expected 4 fields, found " + fields.length);
        }
        try {
            String age = blankToNull(fields[1]);
            String decile = blankToNull(fields[2]);
            return new LinkageRow(fields[0].strip().toLowerCase(Locale.ROOT), age == null ? null : age.toLowerCase(Locale.ROOT),
                    decile == null ? null : Integer.valueOf(decile), flag(blankToNull(fields[3])));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("linkage file line " + number + ": " + safe(e), e);
        }
    }

    private static String safe(IllegalArgumentException e) {
        return e instanceof NumberFormatException ? "the IMD decile is not a number" : e.getMessage();
    }

    private static Boolean flag(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("pupil premium is yes or no");
        };
    }

    private static String blankToNull(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
