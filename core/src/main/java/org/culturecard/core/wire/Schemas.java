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

    private Schemas() {}
}
