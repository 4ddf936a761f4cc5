package org.culturecard.sip2.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests this client sends, as frames, laid out as the 3M SIP2 spec orders their fields.
 * Where the spec leaves a field optional, these follow Evergreen's SIPServer test client
 * ({@code t/01patron_status.t}, {@code t/02patron_info.t}): patron status always sends the terminal
 * password field (AC, empty when none) and the patron password (AD) only with a PIN; patron
 * information sends AC only when configured.
 */
public final class Messages {
    /** "Unknown" language: the LMS answers in its default. */
    public static final String LANGUAGE = "000";
    /** This client speaks SIP 2.00. */
    public static final String PROTOCOL_VERSION = "2.00";
    /** Patron information summary: ten blanks, no item lists (we need none, and they hold titles). */
    public static final String NO_SUMMARY = " ".repeat(10);

    private Messages() {
    }

    /** 93: login with plain-text user id and password (algorithms 0 and 0), location optional. */
    public static Frame login(String user, String password, String location) {
        List<Field> fields = new ArrayList<>(List.of(new Field("CN", user), new Field("CO", password)));
        if (location != null) {
            fields.add(new Field("CP", location));
        }
        return new Frame(Layouts.LOGIN, "00", fields);
    }

    /** 99: SC status (0 = OK), the print width and the protocol version we speak. */
    public static Frame scStatus(char status, int maxPrintWidth, String version) {
        return Frame.of(Layouts.SC_STATUS, status + String.format("%03d", maxPrintWidth) + version);
    }

    /** 23: patron status. {@code terminalPassword} null sends an empty AC; {@code pin} null sends no AD. */
    public static Frame patronStatus(String language, LocalDateTime when, String institution, String patron,
            String terminalPassword, String pin) {
        List<Field> fields = new ArrayList<>(List.of(new Field("AO", institution), new Field("AA", patron),
                new Field("AC", terminalPassword == null ? "" : terminalPassword)));
        if (pin != null) {
            fields.add(new Field("AD", pin));
        }
        return new Frame(Layouts.PATRON_STATUS, language + SipDates.transactionDate(when), fields);
    }

    /** 63: patron information with no item summary; AC and AD only when given. */
    public static Frame patronInformation(String language, LocalDateTime when, String institution, String patron,
            String terminalPassword, String pin) {
        List<Field> fields = new ArrayList<>(List.of(new Field("AO", institution), new Field("AA", patron)));
        optional(fields, "AC", terminalPassword);
        optional(fields, "AD", pin);
        return new Frame(Layouts.PATRON_INFORMATION, language + SipDates.transactionDate(when) + NO_SUMMARY, fields);
    }

    /** 35: end patron session (no PIN: it is not needed to end a session). */
    public static Frame endPatronSession(LocalDateTime when, String institution, String patron, String terminalPassword) {
        List<Field> fields = new ArrayList<>(List.of(new Field("AO", institution), new Field("AA", patron)));
        optional(fields, "AC", terminalPassword);
        return new Frame(Layouts.END_PATRON_SESSION, SipDates.transactionDate(when), fields);
    }

    /** 97: ask the LMS to send its last reply again (after a reply with a bad checksum). */
    public static Frame requestAcsResend() {
        return Frame.of(Layouts.REQUEST_ACS_RESEND, "");
    }

    private static void optional(List<Field> fields, String id, String value) {
        if (value != null) {
            fields.add(new Field(id, value));
        }
    }
}
