package org.culturecard.provisioning;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.culturecard.provisioning.ca.CertificateAuthority;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code provision}: the IT team's command line. Exit codes: 0 done, 1 failed, 2 bad usage,
 * 3 refused because it would overwrite something.
 */
@Command(name = "provision", mixinStandardHelpOptions = true, version = "provision 0.1.0",
        description = "Sets up the Culture Card scheme's certificates, kiosks, broker and readers.",
        subcommands = {ProvisionMain.Ca.class})
public final class ProvisionMain {
    static final int REFUSED = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new ProvisionMain()).execute(args);
    }

    @Command(name = "ca", mixinStandardHelpOptions = true, description = "The scheme's certificate authority.",
            subcommands = {Ca.Init.class})
    static final class Ca {
        @Command(name = "init", mixinStandardHelpOptions = true,
                description = "Creates the CA key (0600) and self-signed certificate in a 0700 directory.")
        static final class Init implements Callable<Integer> {
            @Option(names = "--dir", required = true, description = "Directory for ca.key and ca.crt.")
            Path dir;

            @Option(names = "--name", defaultValue = "Culture Card Scheme CA", description = "The CA's common name (default: ${DEFAULT-VALUE}).")
            String name;

            @Option(names = "--days", defaultValue = "3650", description = "Validity in days (default: ${DEFAULT-VALUE}).")
            int days;

            @Override
            public Integer call() {
                try {
                    X509Certificate cert = new CertificateAuthority(Clock.systemUTC(), new SecureRandom())
                            .init(dir, name, Duration.ofDays(days));
                    System.out.printf("Created the certificate authority in %s (valid until %s).%n", dir, cert.getNotAfter().toInstant());
                    System.out.println("Keep " + dir.resolve(CertificateAuthority.KEY_FILE) + " offline and backed up.");
                    return 0;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    System.err.println("Refused: " + e.getReason() + " (" + e.getFile() + ").");
                    return REFUSED;
                } catch (IOException e) {
                    System.err.println("Failed: " + e.getMessage());
                    return 1;
                }
            }
        }
    }
}
