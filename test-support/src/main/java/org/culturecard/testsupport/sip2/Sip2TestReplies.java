package org.culturecard.testsupport.sip2;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server side of the SIP2 messages the client uses, written from the 3M spec's response layouts
 * and laid out field by field as Evergreen's SIPServer writes them (Sip/MsgType.pm:
 * build_patron_status, handle_patron_info, handle_end_patron_session, send_acs_status). Independent
 * of the client module on purpose: a shared mistake would otherwise pass unnoticed.
 */
final class Sip2TestReplies {
    private static final DateTimeFormatter SIP_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'    'HHmmss");
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Map<String, Sip2TestPatron> patrons;
    private final String institution;
    private final char delimiter;
    private final Clock clock;

    Sip2TestReplies(Map<String, Sip2TestPatron> patrons, String institution, char delimiter, Clock clock) {
        this.patrons = patrons;
        this.institution = institution;
        this.delimiter = delimiter;
        this.clock = clock;
    }

    /** A request as the server reads it: code, fixed part, and the first value of each field. */
    record Request(String code, String fixed, Map<String, String> fields) {
        String field(String id) {
            return fields.get(id);
        }
    }

    /** Splits a request (trailer already removed); null when its code is not one the server knows. */
    Request parse(String text) {
        if (text.length() < 2) {
            return null;
        }
        String code = text.substring(0, 2);
        int fixed = switch (code) {
            case "93" -> 2;
            case "99" -> 8;
            case "23" -> 21;
            case "63" -> 31;
            case "35" -> 18;
            case "97" -> 0;
            default -> -1;
        };
        if (fixed < 0 || text.length() < 2 + fixed) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.substring(2 + fixed).split(java.util.regex.Pattern.quote(String.valueOf(delimiter)))) {
            if (part.length() >= 2) {
                fields.putIfAbsent(part.substring(0, 2), part.substring(2));
            }
        }
        return new Request(code, text.substring(2, 2 + fixed), fields);
    }

    String login(boolean accepted) {
        return "94" + (accepted ? "1" : "0");
    }

    /** 98: on-line (or not), check-in and check-out allowed, no renewals policy, 030 s timeout, 3 retries, SIP 2.00. */
    String acsStatus(boolean online, boolean patronInformationSupported) {
        String supported = "YYYYYYY" + (patronInformationSupported ? "Y" : "N") + "YNYNYYYY";
        return "98" + (online ? "Y" : "N") + "YYNYN" + "030" + "003" + now() + "2.00"
                + field("AO", institution) + field("AM", "Culture Card Test Library") + field("BX", supported);
    }

    /** 24, as build_patron_status: CQ is always present (check_password of a missing AD fails unless there is no PIN). */
    String patronStatus(Request request) {
        Sip2TestPatron patron = patrons.get(request.field("AA"));
        String language = request.fixed().substring(0, 3);
        if (patron == null) {
            return "24" + "YYYY" + " ".repeat(10) + language + now() + field("AO", request.field("AO"))
                    + field("AA", request.field("AA")) + field("AE", "") + field("BL", "N");
        }
        return "24" + status(patron) + language + now() + field("AO", request.field("AO")) + field("AA", patron.barcode())
                + field("AE", patron.name()) + field("BL", "Y") + field("CQ", pinOk(patron, request.field("AD")))
                + optional("AF", patron.screenMessage());
    }

    /** 64, as handle_patron_info: counts, name, address, e-mail, phone, CQ only with AD, expiry (PA), birth date (PB). */
    String patronInformation(Request request) {
        Sip2TestPatron patron = patrons.get(request.field("AA"));
        String language = request.fixed().substring(0, 3);
        if (patron == null) {
            return "64" + "YYYY" + " ".repeat(10) + language + now() + "0000".repeat(6) + field("AO", institution)
                    + field("AA", request.field("AA")) + field("AE", "") + field("BL", "N");
        }
        String reply = "64" + status(patron) + language + now() + "0000".repeat(6) + field("AO", institution)
                + field("AA", patron.barcode()) + field("AE", patron.name()) + field("BD", patron.address())
                + field("BE", "reader@example.org") + field("BF", "0113 496 0000") + field("BL", "Y");
        if (request.field("AD") != null) {
            reply += field("CQ", pinOk(patron, request.field("AD")));
        }
        return reply + optional("PA", patron.expiry() == null ? null : YMD.format(patron.expiry()))
                + optional("PB", patron.birthDate() == null ? null : YMD.format(patron.birthDate()))
                + field("PC", "Junior") + optional("AF", patron.screenMessage());
    }

    /** 36, as handle_end_patron_session with Evergreen's sample ILS. */
    String endSession(Request request) {
        return "36" + "Y" + now() + field("AO", institution) + field("AA", request.field("AA"))
                + field("AF", "Thank you for using the library!");
    }

    String field(String id, String value) {
        return id + (value == null ? "" : value) + delimiter;
    }

    private String optional(String id, String value) {
        return value == null || value.isEmpty() ? "" : field(id, value);
    }

    private String status(Sip2TestPatron patron) {
        boolean expired = patron.expiry() != null && patron.expiry().isBefore(LocalDate.now(clock));
        return switch (patron.standing()) {
            case BLOCKED -> "YYYY      Y   ";
            case LOST -> "Y   Y         ";
            case VALID -> expired ? "Y             " : " ".repeat(14);
        };
    }

    private static String pinOk(Sip2TestPatron patron, String given) {
        return patron.pin() == null || patron.pin().equals(given) ? "Y" : "N";
    }

    private String now() {
        return SIP_DATE.format(LocalDateTime.now(clock));
    }
}
