package org.culturecard.central.web.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks a sign-in: user name, password (Argon2id) and the TOTP code (not asked of the demo
 * accounts, see {@link Account#totpRequired()}); throttled per account and per address, and checked before the password is, so a
 * throttled guess costs nothing and learns nothing. An unknown name still costs one Argon2id
 * hash, so timing does not tell which names exist.
 */
public final class SignIn {

    /** Failures per account in {@link #WINDOW} before it is refused. */
    public static final int PER_ACCOUNT = 5;
    /** Failures per address in {@link #WINDOW} before it is refused. */
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String DUMMY = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
            + "6e1bFtmIemtcLyNQmTG7l3KwZp5Ku79ZvV9X9c6uSMo";

    /** What a sign-in came to. */
    public sealed interface Outcome permits SignedIn, Refused, Throttled {
    }

    /** Name, password and code were right. */
    public record SignedIn(Account account) implements Outcome {
    }

    /** Something was wrong; which is not said. */
    public record Refused() implements Outcome {
    }

    /** Too many failures from this account or address: try later. */
    public record Throttled() implements Outcome {
    }

    private final Accounts accounts;
    private final Clock clock;
    private final Throttle perAccount;
    private final Throttle perAddress;

    public SignIn(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        this.perAccount = new Throttle(clock, PER_ACCOUNT, WINDOW);
        this.perAddress = new Throttle(clock, PER_ADDRESS, WINDOW);
    }

    /** Checks one attempt from {@code address}. */
    public Outcome attempt(String username, String password, String code, String address) {
        String name = username == null ? "" : username.trim();
        if (perAccount.refused(name) || perAddress.refused(address)) {
            return new Throttled();
        }
        Optional<Account> found = accounts.find(name);
        boolean passwordOk = Passwords.verify(password == null ? "" : password, found.map(Account::passwordHash).orElse(DUMMY));
        boolean ok = found.isPresent() && passwordOk && !found.get().disabled()
                && (!found.get().totpRequired() || Totp.verify(found.get().totpSecret(), code == null ? "" : code.trim(), clock.instant()));
        if (!ok) {
            perAccount.failed(name);
            perAddress.failed(address);
            return new Refused();
        }
        perAccount.succeeded(name);
        accounts.signedIn(found.get(), clock.instant());
        return new SignedIn(found.get());
    }
}
