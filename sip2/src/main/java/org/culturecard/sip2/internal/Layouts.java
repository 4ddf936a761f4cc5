package org.culturecard.sip2.internal;

import java.util.Map;

/**
 * The length of the fixed-length part of each message this module sends or reads (3M SIP2 spec,
 * "Command Messages to the ACS" and "Response Messages from the ACS"). The fixed fields follow the
 * two-digit code; the variable-length fields follow them.
 */
public final class Layouts {
    public static final String LOGIN = "93";
    public static final String LOGIN_RESPONSE = "94";
    public static final String SC_STATUS = "99";
    public static final String ACS_STATUS = "98";
    public static final String PATRON_STATUS = "23";
    public static final String PATRON_STATUS_RESPONSE = "24";
    public static final String PATRON_INFORMATION = "63";
    public static final String PATRON_INFORMATION_RESPONSE = "64";
    public static final String END_PATRON_SESSION = "35";
    public static final String END_SESSION_RESPONSE = "36";
    public static final String REQUEST_ACS_RESEND = "97";
    public static final String REQUEST_SC_RESEND = "96";

    private static final Map<String, Integer> FIXED = Map.ofEntries(
            Map.entry(LOGIN, 2),                          // UID algorithm, PWD algorithm
            Map.entry(LOGIN_RESPONSE, 1),                 // ok
            Map.entry(SC_STATUS, 8),                      // status code, max print width (3), protocol version (4)
            Map.entry(ACS_STATUS, 34),                    // 6 flags, timeout (3), retries (3), date (18), version (4)
            Map.entry(PATRON_STATUS, 21),                 // language (3), transaction date (18)
            Map.entry(PATRON_STATUS_RESPONSE, 35),        // patron status (14), language (3), date (18)
            Map.entry(PATRON_INFORMATION, 31),            // language (3), date (18), summary (10)
            Map.entry(PATRON_INFORMATION_RESPONSE, 59),   // patron status (14), language, date, 6 counts of 4
            Map.entry(END_PATRON_SESSION, 18),            // transaction date
            Map.entry(END_SESSION_RESPONSE, 19),          // end session (Y/N), transaction date
            Map.entry(REQUEST_ACS_RESEND, 0),
            Map.entry(REQUEST_SC_RESEND, 0));

    private Layouts() {
    }

    /** The fixed part's length for {@code code}, or -1 for a message this module does not speak. */
    public static int fixedLength(String code) {
        return FIXED.getOrDefault(code, -1);
    }
}
