package org.culturecard.provisioning.kiosk.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.culturecard.provisioning.kiosk.KioskSpec;

/**
 * Reads the bulk CSV: one kiosk per line, {@code venue,kiosk[,venue name]}. Blank lines, lines
 * starting with {@code #} and a first line whose first field is {@code venue} (a header) are skipped. The
 * venue name is the rest of the line, so it may hold commas; surrounding double quotes are removed.
 * A bad line becomes an error with its line number, and the other lines are still read.
 */
public final class BulkCsv {

    /** A good line. */
    public record Row(int line, KioskSpec spec) {}

    /** A bad line, with its 1-based line number and why. */
    public record LineError(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** Every row and every error of a file. */
    public record Parsed(List<Row> rows, List<LineError> errors) {}

    private BulkCsv() {}

    public static Parsed parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String text = lines.get(i).replace("\uFEFF", "").strip(); // spreadsheets start files with a BOM
            if (text.isEmpty() || text.startsWith("#") || (number == 1 && isHeader(text))) {
                continue;
            }
            try {
                KioskSpec spec = parseLine(text);
                Integer first = seen.putIfAbsent(spec.kiosk().value(), number);
                if (first != null) {
                    errors.add(new LineError(number, "kiosk id '" + spec.kiosk() + "' is already on line " + first));
                } else {
                    rows.add(new Row(number, spec));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(number, e.getMessage()));
            }
        }
        return new Parsed(rows, errors);
    }

    private static boolean isHeader(String text) {
        return text.split(",", 2)[0].strip().equalsIgnoreCase("venue");
    }

    private static KioskSpec parseLine(String text) {
        String[] fields = text.split(",", 3);
        if (fields.length < 2) {
            throw new IllegalArgumentException("expected venue,kiosk[,venue name] but found '" + text + "'");
        }
        String name = fields.length == 3 ? unquote(fields[2].strip()) : null;
        return KioskSpec.of(fields[0].strip(), fields[1].strip(), name);
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }
}
