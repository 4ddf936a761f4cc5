package org.culturecard.provisioning.doctor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.culturecard.kioskdb.Integrity;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.KioskDbFiles;

/**
 * Finds out why a kiosk is not working: one check per line, each PASS, FAIL (with the fix) or SKIP.
 * Reads the kiosk's installed config ({@code kiosk.properties} and {@code sync.properties} in one
 * directory) and follows the paths it names. The checks that need more than a few lines have a class
 * each ({@link ConfigCheck}, {@link CertificateCheck}, {@link BrokerCheck}, {@link LmsCheck},
 * {@link ClockCheck}); the host's own (pcscd, readers, disk, database) are here.
 */
public final class Doctor {
    static final Path PCSCD_SOCKET = Path.of("/run/pcscd/pcscd.comm");

    /**
     * @param pcscdRunning  whether a pcscd process is alive
     * @param readers       the attached readers' names (empty when pcscd is unreachable)
     * @param timeUrl       an HTTP(S) URL whose Date header is the reference clock, or null
     * @param minFreeBytes  the disk budget: free space needed where the database lives
     * @param expiryWarning certificates expiring sooner than this fail
     */
    public record Options(Supplier<Boolean> pcscdRunning, Supplier<List<String>> readers, URI timeUrl,
            long minFreeBytes, Duration expiryWarning, Duration brokerTimeout) {}

    private final Options options;
    private final CertificateCheck certificates;
    private final BrokerCheck broker;
    private final ClockCheck clockOffset;
    private final LmsCheck lms;

    public Doctor(Clock clock, Options options) {
        this.options = options;
        this.certificates = new CertificateCheck(clock, options.expiryWarning());
        this.broker = new BrokerCheck(clock, options.brokerTimeout());
        this.clockOffset = new ClockCheck(clock, options.timeUrl(), options.brokerTimeout());
        this.lms = new LmsCheck(clock);
    }

    /** Runs every check against the config in {@code configDir}. */
    public List<CheckResult> examine(Path configDir) {
        List<CheckResult> results = new ArrayList<>();
        results.add(pcscd());
        results.add(readers());
        Properties kiosk = new Properties();
        Properties sync = new Properties();
        CheckResult config = ConfigCheck.check(configDir, kiosk, sync);
        results.add(config);
        if (config.status() == CheckResult.Status.FAIL) {
            results.add(CheckResult.skip("certificates", "skipped: the config is not valid"));
            results.add(CheckResult.skip("broker", "skipped: the config is not valid"));
        } else {
            results.add(certificates.check(sync));
            results.add(broker.check(sync));
        }
        results.add(lms.check(kiosk));
        results.add(clockOffset.check());
        Path database = Path.of(kiosk.getProperty("database.path", sync.getProperty("database.path", "/var/lib/culturecard/kiosk.db")));
        results.add(disk(database));
        results.add(database(database));
        return results;
    }

    CheckResult pcscd() {
        if (!options.pcscdRunning().get()) {
            return CheckResult.fail("pcscd", "the PC/SC daemon is not running",
                    "sudo systemctl enable --now pcscd.socket (package pcscd)");
        }
        if (!Files.exists(PCSCD_SOCKET)) {
            return CheckResult.fail("pcscd", "running, but " + PCSCD_SOCKET + " is missing", "sudo systemctl restart pcscd");
        }
        return CheckResult.pass("pcscd", "running, socket " + PCSCD_SOCKET);
    }

    CheckResult readers() {
        List<String> names = options.readers().get();
        if (names.isEmpty()) {
            return CheckResult.fail("readers", "no card reader attached (or pcscd refused this user)",
                    "plug the reader in; for an ACR122U blacklist pn533_usb; check the polkit rule for the kiosk user");
        }
        return CheckResult.pass("readers", names.size() + " attached: " + String.join(", ", names));
    }

    CheckResult disk(Path database) {
        Path dir = database.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            long mb = free / (1024 * 1024);
            if (free < options.minFreeBytes()) {
                return CheckResult.fail("disk", mb + " MB free at " + dir + ", below the budget of "
                        + options.minFreeBytes() / (1024 * 1024) + " MB", "free space (journalctl --vacuum-size=100M) or a bigger disk");
            }
            return CheckResult.pass("disk", mb + " MB free at " + dir);
        } catch (IOException | NullPointerException e) {
            return CheckResult.fail("disk", "cannot read free space for " + database, "check that the data directory exists");
        }
    }

    CheckResult database(Path database) {
        Integrity integrity = KioskDbFiles.checkIntegrity(database, KioskDb.Role.DOCTOR);
        if (integrity instanceof Integrity.Absent) {
            return CheckResult.skip("database", database + " does not exist yet (the kiosk creates it at first start)");
        }
        String fix = "stop the kiosk, keep a copy of the file, and let the kiosk recover it (docs/operations.md)";
        if (integrity instanceof Integrity.Damaged damaged) {
            return CheckResult.fail("database", database + " integrity_check: " + damaged.findings().get(0), fix);
        }
        if (integrity instanceof Integrity.Unreadable unreadable) {
            return CheckResult.fail("database", database + ": " + unreadable.reason(), fix);
        }
        return CheckResult.pass("database", database + " integrity_check ok");
    }

}
