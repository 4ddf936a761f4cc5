package org.culturecard.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.config.Role;
import org.culturecard.central.web.account.Account;
import org.culturecard.central.web.account.Accounts;
import org.culturecard.central.web.account.Passwords;
import org.culturecard.central.web.account.Totp;
import org.culturecard.core.ids.VenueId;

/**
 * The demo's staff web accounts: an officer, the demo venue's manager and an admin, each with a
 * printed password and NO second factor (TOTP off for these accounts only; central logs a loud
 * warning at each of their sign-ins). Real accounts come from {@code central web account add},
 * which always requires TOTP.
 */
final class DemoWeb {

    static final String PASSWORD = "demo-password-not-secret";

    /** A demo account: its user name and role. */
    record Login(String username, Role role) {
    }

    private DemoWeb() {
    }

    /** Adds the demo accounts unless they are there (the embedded database may be kept between runs). */
    static List<Login> prepare(Accounts accounts, VenueId venue) {
        List<Login> logins = List.of(new Login("demo-officer", Role.OFFICER), new Login("demo-manager", Role.VENUE_MANAGER),
                new Login("demo-admin", Role.ADMIN));
        Passwords passwords = new Passwords(new SecureRandom());
        for (Login login : logins) {
            if (accounts.find(login.username()).isEmpty()) {
                Set<VenueId> venues = login.role() == Role.VENUE_MANAGER ? Set.of(venue) : Set.of();
                accounts.add(new Account(UUID.randomUUID(), login.username(), login.role(), venues, passwords.hash(PASSWORD),
                        Totp.newSecret(new SecureRandom()), false, false), Instant.now());
            }
        }
        return logins;
    }
}
