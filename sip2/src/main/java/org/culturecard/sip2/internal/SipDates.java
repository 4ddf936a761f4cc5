package org.culturecard.sip2.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * SIP2 dates: the 18-character transaction date {@code YYYYMMDDZZZZHHMMSS} (zone blank for local
 * time, as Evergreen writes it: {@code Sip/Constants.pm} SIP_DATETIME), and the date-only fields
 * LMSs add as extensions (card expiry, birth date), which arrive as {@code YYYYMMDD}, as a full
 * transaction date, or as {@code YYYY-MM-DD}.
 */
public final class SipDates {
    private static final DateTimeFormatter TRANSACTION = DateTimeFormatter.ofPattern("yyyyMMdd'    'HHmmss");

    private SipDates() {
    }

    /** The 18-character local transaction date. */
    public static String transactionDate(LocalDateTime time) {
        return TRANSACTION.format(time);
    }

    /** A date-only extension field; empty when the text is none of the forms LMSs use. */
    public static Optional<LocalDate> date(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d{8}") || t.matches("\\d{8}.{4}\\d{6}")) {
                return Optional.of(LocalDate.of(Integer.parseInt(t.substring(0, 4)),
                        Integer.parseInt(t.substring(4, 6)), Integer.parseInt(t.substring(6, 8))));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(t));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
