package org.culturecard.provisioning;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.culturecard.provisioning.doctor.CheckResult;
import org.culturecard.provisioning.doctor.Doctor;
import org.culturecard.reader.PcscCardReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provision doctor}: why a kiosk is not working, one line per check. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks a kiosk: pcscd, readers, config, certificates (valid, signed by the CA, not expiring within 30 days),"
                + " the broker over TLS as the kiosk's diagnostics identity <kiosk>.diag from diag.crt (MQTT CONNACK; the kiosk's own"
                + " session is untouched), clock offset, disk budget and database"
                + " integrity. One line per check: PASS, FAIL with the fix, or SKIP."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:no check failed", "1:at least one check failed", "2:bad usage"})
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "/etc/culturecard",
            description = "The directory with kiosk.properties and sync.properties (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--time-url", description = "An HTTP(S) URL whose Date header is the reference clock, e.g. central's API.")
    URI timeUrl;

    @Option(names = "--min-free-mb", defaultValue = "500", description = "Disk budget: free MB needed by the database (default: ${DEFAULT-VALUE}).")
    long minFreeMb;

    @Option(names = "--timeout", defaultValue = "5", description = "Seconds for network checks (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--no-pcsc", description = "Skip the pcscd and reader checks (on a machine without readers, e.g. a test bench).")
    boolean noPcsc;

    @Override
    public Integer call() {
        Doctor doctor = new Doctor(Clock.systemUTC(), new Doctor.Options(Processes::pcscdRunning,
                PcscCardReader::attachedReaderNames, timeUrl, minFreeMb * 1024 * 1024, Duration.ofDays(30),
                Duration.ofSeconds(timeoutSeconds)));
        List<CheckResult> results = doctor.examine(config);
        boolean failed = false;
        for (CheckResult result : results) {
            if (noPcsc && (result.name().equals("pcscd") || result.name().equals("readers"))) {
                result = CheckResult.skip(result.name(), "skipped (--no-pcsc)");
            }
            System.out.println(result.line());
            failed |= result.status() == CheckResult.Status.FAIL;
        }
        return failed ? ProvisionMain.FAILED : ProvisionMain.OK;
    }
}
