package org.culturecard.core.wire;

/** The schema name and version that every message carries in its {@code schema} field. */
public final class Schemas {
    public static final String CHECKIN_BATCH = "culturecard.checkin-batch.v1";
    public static final String BATCH_ACK = "culturecard.batch-ack.v1";
    public static final String KIOSK_STATUS = "culturecard.kiosk-status.v1";
    /** The venue config with staff records and the staff-auth setting (ADR 0013). */
    public static final String VENUE_CONFIG = "culturecard.venue-config.v2";
    /** The venue config before staff records: still read, so a kiosk keeps working with an older central. */
    public static final String VENUE_CONFIG_V1 = "culturecard.venue-config.v1";
    public static final String KIOSK_EVENTS = "culturecard.kiosk-events.v1";
    /** Enrolments of library cards, kiosk to central (issue 13). */
    public static final String ENROLMENT_BATCH = "culturecard.enrolment-batch.v1";
    /** One chunk of a large retained payload such as the enrolled-card filter, central to kiosks (issue 13). */
    public static final String FILTER_CHUNK = "culturecard.filter-chunk.v1";

    /** Awards a kiosk has shown, kiosk to central (issue 14, ADR 0037). */
    public static final String AWARDS_SHOWN = "culturecard.awards-shown.v1";

    private Schemas() {}

    /**
     * Refuses a message whose {@code schema} field is not {@code expected}.
     *
     * @throws IllegalArgumentException naming both
     */
    static void require(String expected, String schema) {
        if (!expected.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + expected + ", not " + schema);
        }
    }
}
