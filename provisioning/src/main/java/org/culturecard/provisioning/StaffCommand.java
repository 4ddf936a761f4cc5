package org.culturecard.provisioning;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.provisioning.internal.central.CentralApi;
import org.culturecard.provisioning.internal.readers.TapTest;
import org.culturecard.provisioning.internal.staff.CentralStaff;
import org.culturecard.provisioning.internal.staff.CentralStaffClient;
import org.culturecard.provisioning.internal.staff.StaffTable;
import org.culturecard.reader.PcscCardReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code provision staff add|card|revoke|list|auth}: a venue's staff, kept at central (ADR 0012)
 * through its admin API; {@code add} and {@code card} can still write a kiosk's own database
 * ({@code --db}) until central manages that venue's staff.
 */
@Command(name = "staff", mixinStandardHelpOptions = true,
        description = {"A venue's staff: kept at central and sent to every kiosk of the venue in its config.",
                "Give --central URL --token-file FILE --venue ID (an admin token). 'add' and 'card' also take --db"
                        + " instead, for a kiosk whose venue's staff central does not keep yet."},
        subcommands = {StaffCommand.Add.class, StaffCommand.Card.class, StaffCommand.Revoke.class,
                StaffCommand.ListStaff.class, StaffCommand.Auth.class})
final class StaffCommand {
    static final String DEFAULT_DB = "/var/lib/culturecard/kiosk.db";

    /** Where a venue's staff are: central's admin API. */
    static final class Central {
        @Option(names = "--central", required = true, description = "Central's URL, e.g. https://central.example:8080.")
        URI url;

        @Option(names = "--token-file", required = true, description = "A file holding one of central's admin API tokens.")
        Path tokenFile;

        @Option(names = "--venue", required = true, description = "The venue id.")
        String venue;

        CentralStaff staff() throws IOException {
            return new CentralStaff(new CentralStaffClient(url, CentralApi.readToken(tokenFile)), VenueId.of(venue), System.out);
        }
    }

    /** Central, or (for add and card) a kiosk's own database. */
    static final class Target {
        @ArgGroup(exclusive = false)
        Central central;

        @Option(names = "--db", description = "A kiosk's database, for a venue whose staff central does not keep yet.")
        Path db;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a staff member with a PIN (4 to 12 digits), or sets the PIN of an existing one. The PIN is read"
                    + " from the console (asked twice) or, without a console, from the first line of standard input; it is hashed"
                    + " here (PBKDF2-HMAC-SHA256, 210,000 iterations, as kiosks check it) and only the hash is sent or stored."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:failed", "2:bad usage or bad PIN"})
    static final class Add implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--name", required = true, description = "The staff member's name as shown on the kiosk.")
        String name;

        @Override
        public Integer call() throws IOException {
            String pin = readPin();
            if (pin == null) {
                return 2;
            }
            String hash = new PinHasher(new SecureRandom()).hash(pin);
            if (target.central != null) {
                target.central.staff().setPin(name, hash);
                return ProvisionMain.OK;
            }
            StaffTable.Change change = new StaffTable(target.db, Clock.systemUTC(), UuidV7.system()).setPin(name.strip(), hash);
            System.out.println((change == StaffTable.Change.ADDED ? "Added " : "Updated the PIN of ") + name.strip() + " in " + target.db);
            return ProvisionMain.OK;
        }

        private static String readPin() throws IOException {
            Console console = System.console();
            String pin;
            if (console != null) {
                char[] first = console.readPassword("PIN (4 to 12 digits): ");
                char[] second = console.readPassword("PIN again: ");
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    System.err.println("The two PINs differ.");
                    return null;
                }
                pin = new String(first);
            } else {
                pin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                pin = pin == null ? null : pin.strip();
            }
            if (!PinHasher.isWellFormed(pin)) {
                System.err.println("A staff PIN is 4 to 12 digits.");
                return null;
            }
            return pin;
        }
    }

    @Command(name = "card", mixinStandardHelpOptions = true,
            description = {"Enrols a staff card: tap it on this machine's reader; its token under the scheme key (never its UID)"
                    + " is sent to central (or written to --db). A member who has a card keeps it: a lost card is revoked"
                    + " with 'staff revoke', and the member added again."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:enrolled", "1:failed", "5:no tap in time"})
    static final class Card implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--name", required = true, description = "The staff member's name as shown on the kiosk.")
        String name;

        @Mixin
        TapOptions tap;

        @Override
        public Integer call() throws IOException, InterruptedException {
            CentralStaff central = target.central == null ? null : target.central.staff(); // a bad token file fails before the tap
            Pseudonymiser pseudonymiser = tap.pseudonymiser();
            Optional<Token> token;
            try (PcscCardReader reader = new PcscCardReader(Clock.systemUTC())) {
                System.out.println("Tap " + name.strip() + "'s staff card (waiting " + tap.timeoutSeconds + " s)...");
                token = new TapTest(reader, pseudonymiser, Clock.systemUTC()).awaitToken(tap.timeout());
            }
            if (token.isEmpty()) {
                System.err.println("No tap within " + tap.timeoutSeconds + " s.");
                return ProvisionMain.NO_TAP;
            }
            if (central != null) {
                central.setCard(name, token.get());
                return ProvisionMain.OK;
            }
            StaffTable.Change change = new StaffTable(target.db, Clock.systemUTC(), UuidV7.system()).setCard(name.strip(), token.get());
            System.out.println((change == StaffTable.Change.ADDED ? "Added " : "Enrolled the card of ") + name.strip()
                    + " (token " + token.get().masked() + ") in " + target.db);
            return ProvisionMain.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes a staff member at central, by name or id: their card and PIN are refused by every kiosk of"
                    + " the venue at its next config. The record stays, revoked; their card can never be enrolled again."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:revoked", "1:failed (no such active member)", "2:bad usage"})
    static final class Revoke implements Callable<Integer> {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Central central;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        static final class Who {
            @Option(names = "--name", description = "The active staff member with this name.")
            String name;

            @Option(names = "--id", description = "The staff member with this id (see 'staff list').")
            UUID id;
        }

        @Override
        public Integer call() throws IOException {
            if (who.id != null) {
                central.staff().revoke(who.id, who.id.toString());
            } else {
                central.staff().revoke(who.name);
            }
            return ProvisionMain.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists a venue's staff at central: the sign-in setting, and per member whether a PIN and a card are set.")
    static final class ListStaff implements Callable<Integer> {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Central central;

        @Override
        public Integer call() throws IOException {
            central.staff().list();
            return ProvisionMain.OK;
        }
    }

    @Command(name = "auth", mixinStandardHelpOptions = true,
            description = {"Chooses how a venue's staff open staff mode: card-and-pin (the default), card-only or pin-only.",
                    "Staff with a PIN and no card may use their PIN alone under every setting (ADR 0012)."})
    static final class Auth implements Callable<Integer> {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Central central;

        @Option(names = "--mode", required = true, description = "card-and-pin, card-only or pin-only.")
        String mode;

        @Override
        public Integer call() throws IOException {
            StaffAuth auth;
            try {
                auth = StaffAuth.fromCode(mode);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mode is card-and-pin, card-only or pin-only, not " + mode, e);
            }
            central.staff().setAuth(auth);
            return ProvisionMain.OK;
        }
    }
}
