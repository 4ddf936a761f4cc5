package org.culturecard.provisioning;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.culturecard.provisioning.readers.SchemeKeyFiles;
import org.culturecard.provisioning.readers.TapTest;
import org.culturecard.provisioning.staff.PinHash;
import org.culturecard.provisioning.staff.StaffTable;
import org.culturecard.reader.PcscCardReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provision staff add|card}: staff PINs and staff cards in a kiosk's database. */
@Command(name = "staff", mixinStandardHelpOptions = true, description = "Venue staff on a kiosk.",
        subcommands = {StaffCommand.Add.class, StaffCommand.Card.class})
final class StaffCommand {
    static final String DEFAULT_DB = "/var/lib/culturecard/kiosk.db";

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a staff member with a PIN (4 to 12 digits), or sets the PIN of an existing one. The PIN is read"
                    + " from the console (asked twice) or, without a console, from the first line of standard input; it is stored"
                    + " as PBKDF2-HMAC-SHA256 with 210,000 iterations, as the kiosk checks it."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:failed", "2:bad usage or bad PIN"})
    static final class Add implements Callable<Integer> {
        @Option(names = "--db", defaultValue = DEFAULT_DB, description = "The kiosk's database (default: ${DEFAULT-VALUE}).")
        Path db;

        @Option(names = "--name", required = true, description = "The staff member's name as shown on the kiosk.")
        String name;

        @Override
        public Integer call() throws IOException, SQLException {
            String pin = readPin();
            if (pin == null) {
                return 2;
            }
            String hash = PinHash.hash(pin, new SecureRandom());
            StaffTable.Change change = new StaffTable(db, Clock.systemUTC(), UuidV7.system()).setPin(name.strip(), hash);
            System.out.println((change == StaffTable.Change.ADDED ? "Added " : "Updated the PIN of ") + name.strip() + " in " + db);
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
            if (!PinHash.isWellFormed(pin)) {
                System.err.println("A staff PIN is 4 to 12 digits.");
                return null;
            }
            return pin;
        }
    }

    @Command(name = "card", mixinStandardHelpOptions = true,
            description = "Enrols a staff card: tap it on the reader; its token (never its UID) goes into the staff table.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:enrolled", "1:failed", "5:no tap in time"})
    static final class Card implements Callable<Integer> {
        @Option(names = "--db", defaultValue = DEFAULT_DB, description = "The kiosk's database (default: ${DEFAULT-VALUE}).")
        Path db;

        @Option(names = "--name", required = true, description = "The staff member's name as shown on the kiosk.")
        String name;

        @Option(names = "--scheme-key", defaultValue = "/etc/culturecard/scheme.key", description = "The scheme key file (default: ${DEFAULT-VALUE}).")
        Path schemeKey;

        @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for a tap (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws IOException, SQLException, InterruptedException {
            Pseudonymiser pseudonymiser = new Pseudonymiser(SchemeKeyFiles.load(schemeKey));
            Optional<Token> token;
            try (PcscCardReader reader = new PcscCardReader(Clock.systemUTC())) {
                System.out.println("Tap " + name.strip() + "'s staff card (waiting " + timeoutSeconds + " s)...");
                token = new TapTest(reader, pseudonymiser, Clock.systemUTC()).awaitToken(Duration.ofSeconds(timeoutSeconds));
            }
            if (token.isEmpty()) {
                System.err.println("No tap within " + timeoutSeconds + " s.");
                return ProvisionMain.NO_TAP;
            }
            StaffTable.Change change = new StaffTable(db, Clock.systemUTC(), UuidV7.system()).setCard(name.strip(), token.get());
            System.out.println((change == StaffTable.Change.ADDED ? "Added " : "Enrolled the card of ") + name.strip()
                    + " (token " + token.get().masked() + ") in " + db);
            return ProvisionMain.OK;
        }
    }
}
