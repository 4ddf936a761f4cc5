package org.culturecard.central.config;

/**
 * What a bearer token may do at central's API (DESIGN.md, ADR 0010). Suppressed aggregates for
 * the officer (scheme-wide), the venue manager (its own venues) and the researcher (linked
 * reports too); raw check-in rows and exact counts only for the auditor, every read of them
 * audited; kiosks, events, staff and dead letters for the admin.
 */
public enum Role {
    OFFICER("officer"),
    VENUE_MANAGER("venue-manager"),
    RESEARCHER("researcher"),
    AUDITOR("auditor"),
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The name used in the config ({@code central.api.tokens.<name>.role}). */
    public String code() {
        return code;
    }

    /** The role for a config code; an unknown code is an {@link IllegalArgumentException} listing the known ones. */
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code.equals(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("is one of officer, venue-manager, researcher, auditor, admin");
    }
}
