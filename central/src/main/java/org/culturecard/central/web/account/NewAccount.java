package org.culturecard.central.web.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.config.Role;
import org.culturecard.core.ids.VenueId;

/**
 * Makes a staff account with a one-time password and a TOTP secret, both random, shown once to
 * whoever makes it (the CLI prints them) and kept only as the Argon2id hash and the secret.
 */
public final class NewAccount {

    /** What to hand to the new member of staff: the password, the secret and its otpauth URI. */
    public record Created(Account account, String password, String totpSecret, String otpauthUri) {
    }

    private NewAccount() {
    }

    /** Stores the account; {@link Accounts.Taken} when the name is. */
    public static Created create(Accounts accounts, SecureRandom random, String username, Role role, Set<VenueId> venues,
            Instant now) {
        Passwords passwords = new Passwords(random);
        String password = passwords.oneTimePassword();
        String secret = Totp.newSecret(random);
        Account account = new Account(UUID.randomUUID(), username, role, venues, passwords.hash(password), secret, true, false);
        accounts.add(account, now);
        return new Created(account, password, secret, Totp.uri("Culture Card", username, secret));
    }
}
