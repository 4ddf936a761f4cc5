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
 * {@code provision}: the IT team's command line, run through the {@code provision} launcher.
 *
 * <p>Exit codes, the same for every command:
 * <ul>
 *   <li>0: done (for {@code doctor}: every check passed or was skipped);</li>
 *   <li>1: failed (for {@code doctor}: at least one check failed);</li>
 *   <li>2: bad usage (unknown option, missing argument);</li>
 *   <li>3: refused because it would overwrite something (an existing CA);</li>
 *   <li>4: partly done ({@code kiosk bulk}: some lines were bad or failed, the others were done);</li>
 *   <li>5: no card was tapped in time ({@code readers test}, {@code staff card}).</li>
 * </ul>
 */
@Command(name = "provision", mixinStandardHelpOptions = true, version = "provision 0.1.0",
        description = "Sets up the Culture Card scheme's certificates, kiosks, broker, readers and staff, and diagnoses kiosks.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (doctor: no check failed)",
            "1:failed (doctor: a check failed)",
            "2:bad usage",
            "3:refused, it would overwrite something",
            "4:partly done (kiosk bulk: see the lines reported)",
            "5:no card tapped in time"},
        subcommands = {ProvisionMain.Ca.class, KioskCommand.class, BrokerCommand.class, ReadersCommand.class,
                StaffCommand.class, DoctorCommand.class})
public final class ProvisionMain {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 3;
    static final int PARTLY_DONE = 4;
    static final int NO_TAP = 5;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (the launcher exits with it; tests call it directly). */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new ProvisionMain());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Failed: " + e.getMessage());
            return FAILED;
        });
        return line.execute(args);
    }

    @Command(name = "ca", mixinStandardHelpOptions = true, description = "The scheme's certificate authority.",
            subcommands = {Ca.Init.class, Ca.Revoke.class})
    static final class Ca {
        @Command(name = "revoke", mixinStandardHelpOptions = true,
                description = {"Revokes a certificate (a stolen kiosk's kiosk.crt) in the CA's revocation list, DIR/crl.pem;"
                        + " a kiosk's diag.crt beside it is revoked with it.",
                        "Then run 'broker config' again and restart Mosquitto: the broker refuses that certificate."},
                exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:revoked (or already was)", "1:failed", "2:bad usage"})
        static final class Revoke implements Callable<Integer> {
            @Option(names = "--ca", required = true, description = "The CA directory.")
            Path ca;

            @Option(names = "--cert", required = true, description = "The certificate to revoke, e.g. bundles/KIOSK/kiosk.crt.")
            Path cert;

            @Override
            public Integer call() throws IOException {
                org.culturecard.provisioning.ca.IssuingAuthority authority =
                        org.culturecard.provisioning.ca.IssuingAuthority.load(ca, Clock.systemUTC(), new SecureRandom());
                X509Certificate certificate = org.culturecard.provisioning.ca.Pem.readCertificate(cert);
                String name = revoke(authority, certificate);
                Path diag = cert.resolveSibling(org.culturecard.provisioning.kiosk.KioskBundles.DIAG_CERT);
                if (!cert.getFileName().equals(diag.getFileName()) && java.nio.file.Files.isRegularFile(diag)) {
                    X509Certificate diagnostics = org.culturecard.provisioning.ca.Pem.readCertificate(diag);
                    if (org.culturecard.provisioning.kiosk.KioskBundles.diagnosticsName(name).equals(
                            org.culturecard.provisioning.ca.CertificateAuthority.commonName(diagnostics.getSubjectX500Principal()))) {
                        revoke(authority, diagnostics);
                    }
                }
                System.out.println("Next: provision broker config ... --ca " + ca + ", install it, and restart Mosquitto.");
                return OK;
            }

            private String revoke(org.culturecard.provisioning.ca.IssuingAuthority authority, X509Certificate certificate)
                    throws IOException {
                boolean revoked = authority.revoke(ca, certificate);
                String name = org.culturecard.provisioning.ca.CertificateAuthority.commonName(certificate.getSubjectX500Principal());
                System.out.println((revoked ? "Revoked " : "Already revoked: ") + name + " (serial "
                        + certificate.getSerialNumber().toString(16) + ") in " + ca.resolve("crl.pem"));
                return name;
            }
        }

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
                    return OK;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    System.err.println("Refused: " + e.getReason() + " (" + e.getFile() + ").");
                    return REFUSED;
                } catch (IOException e) {
                    System.err.println("Failed: " + e.getMessage());
                    return FAILED;
                }
            }
        }
    }
}
