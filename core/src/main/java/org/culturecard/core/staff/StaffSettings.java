package org.culturecard.core.staff;

/**
 * The kiosk database's settings rows about staff, one definition for the sync agent that writes
 * them from the venue config, the kiosk that reads them, and provisioning that checks them.
 */
public final class StaffSettings {
    /** The venue's {@link StaffAuth} code; absent means {@link StaffAuth#DEFAULT}. */
    public static final String AUTH = "staff.auth";
    /** {@value #SOURCE_CENTRAL} once central manages the venue's staff; absent before. */
    public static final String SOURCE = "staff.source";
    public static final String SOURCE_CENTRAL = "central";

    private StaffSettings() {}

    /** The setting from its row's value: the default when absent or unreadable, so a kiosk never opens up. */
    public static StaffAuth authFrom(String value) {
        if (value == null) {
            return StaffAuth.DEFAULT;
        }
        try {
            return StaffAuth.fromCode(value);
        } catch (IllegalArgumentException e) {
            return StaffAuth.DEFAULT;
        }
    }
}
