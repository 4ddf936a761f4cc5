package org.culturecard.central.web.account;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.Role;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.core.ids.VenueId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code CentralMain web account add --config FILE --role officer --name anne [--venue v1 ...]}:
 * makes a staff web account in the database named in central's config and prints, once, its
 * one-time password and TOTP secret (with the otpauth URI an authenticator app reads).
 */
@Command(name = "web", mixinStandardHelpOptions = true, description = "The staff web's accounts.",
        subcommands = WebCommand.AccountGroup.class)
public final class WebCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final PrintWriter out;

    public WebCommand(Map<String, String> env, PrintWriter out) {
        this.env = env;
        this.out = out;
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out) {
        CommandLine line = new CommandLine(new WebCommand(env, out));
        line.setOut(out);
        return line.execute(args);
    }

    @Override
    public Integer call() {
        out.print(new CommandLine(this).getUsageMessage());
        out.flush();
        return 2;
    }

    /** {@code web account ...}. */
    @Command(name = "account", mixinStandardHelpOptions = true, description = "Staff accounts.", subcommands = Add.class)
    static final class AccountGroup implements Callable<Integer> {
        @ParentCommand
        WebCommand web;

        @Override
        public Integer call() {
            web.out.print(new CommandLine(this).getUsageMessage());
            web.out.flush();
            return 2;
        }
    }

    /** {@code web account add ...}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a staff account; prints its one-time password"
            + " and TOTP secret once.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        AccountGroup group;

        @Option(names = "--config", required = true, description = "central's properties file")
        Path config;

        @Option(names = "--role", required = true, description = "officer, venue-manager, researcher, auditor or admin")
        String role;

        @Option(names = "--name", required = true, description = "the user name: 1 to 40 of a-z, 0-9 and -")
        String name;

        @Option(names = "--venue", description = "a venue manager's venue (repeat for several)")
        List<String> venues = List.of();

        @Override
        public Integer call() {
            WebCommand web = group.web;
            Role parsed;
            try {
                parsed = Role.fromCode(role);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--role " + e.getMessage());
            }
            Set<VenueId> ids = new LinkedHashSet<>();
            for (String venue : venues) {
                if (!VenueId.isValid(venue)) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "--venue is not a venue id");
                }
                ids.add(VenueId.of(venue));
            }
            CentralConfig settings = CentralConfig.load(config, web.env);
            try (PostgresCheckInStore store = PostgresCheckInStore.open(settings.jdbcUrl(), settings.dbUser(),
                    settings.dbPassword(), 2, Clock.systemUTC())) {
                NewAccount.Created created = NewAccount.create(new Accounts(store.dataSource()), new SecureRandom(), name,
                        parsed, ids, Clock.systemUTC().instant());
                web.out.println("Account " + name + " (" + parsed.code() + ") added. Give these to its owner, once; they are not"
                        + " shown again:");
                web.out.println("  one-time password: " + created.password());
                web.out.println("  TOTP secret:       " + created.totpSecret());
                web.out.println("  otpauth URI:       " + created.otpauthUri());
                web.out.flush();
                return 0;
            } catch (Accounts.Taken e) {
                web.out.println(e.getMessage());
                web.out.flush();
                return 1;
            }
        }
    }
}
