package org.culturecard.provisioning.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.culturecard.testsupport.server.MissingServer;
import org.junit.jupiter.api.Test;

/**
 * The scripts and unit files under install/ (and every other script of the repository): the dry
 * runs name their steps, shellcheck finds nothing, and systemd-analyze accepts every unit.
 */
class InstallScriptsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void kioskDryRunNamesEveryStepAndChangesNothing() throws Exception {
        Result result = run(List.of("bash", "install/kiosk.sh", "--dry-run"));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("Dry run: nothing is changed.",
                "==> Install packages", "pcscd", "cage",
                "==> Create the service user culturecard",
                "==> Allow culturecard to use pcscd (polkit rule for org.debian.pcsc-lite.access_pcsc and access_card)",
                "==> Blacklist the kernel NFC drivers (pn533_usb, pn533, nfc)",
                "==> Limit the journal",
                "==> Let libccid pass LED and buzzer commands to ACS readers (ifdDriverOptions 0x0001)",
                "==> Install the kiosk bundle in /etc/culturecard",
                "==> Install the scheme key",
                "==> Install the systemd units",
                "culturecard-kiosk.service", "culturecard-sync.service",
                "==> Enable pcscd, the kiosk and the sync agent");
        assertThat(result.output()).doesNotContain("installed /etc", "wrote /etc");
    }

    @Test
    void centralDryRunNamesEveryStep() throws Exception {
        Result result = run(List.of("bash", "install/central.sh", "--dry-run", "--db-name", "cc", "--http-port", "9090"));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("Dry run: nothing is changed.",
                "==> Install packages (Mosquitto, PostgreSQL 15, Java)",
                "==> Install the broker config in /etc/mosquitto/culturecard",
                "==> Run Mosquitto with the generated config",
                "==> Create the PostgreSQL role culturecard_central and database cc",
                "==> Write central's config /etc/culturecard/central.properties",
                "==> Install the central systemd unit",
                "http://localhost:9090/api/kiosks");
    }

    @Test
    void rootPrefixPutsEveryPathUnderItAndTouchesNoSystemService() throws Exception {
        Result central = run(List.of("bash", "install/central.sh", "--dry-run", "--root", "/srv/test-root", "--db-port", "5999"));
        assertThat(central.exit()).as(central.output()).isZero();
        assertThat(central.output()).contains("/srv/test-root/etc/mosquitto/culturecard", "/srv/test-root/etc/culturecard/central.properties",
                "jdbc:postgresql://127.0.0.1:5999/culturecard", "not run (--root /srv/test-root): systemctl enable mosquitto.service");
        assertThat(central.output()).doesNotContain("would run: systemctl", " /etc/culturecard", " /etc/mosquitto");
        Result kiosk = run(List.of("bash", "install/kiosk.sh", "--dry-run", "--root", "/srv/test-root"));
        assertThat(kiosk.exit()).as(kiosk.output()).isZero();
        assertThat(kiosk.output()).contains("/srv/test-root/etc/culturecard/scheme.key", "/srv/test-root/etc/polkit-1/rules.d",
                "not run (--root /srv/test-root): systemctl enable culturecard-kiosk.service");
        assertThat(kiosk.output()).doesNotContain("would run: systemctl", "would run: modprobe", " /etc/culturecard");
    }

    @Test
    void scriptsRefuseUnknownOptionsWithExitCode2() throws Exception {
        assertThat(run(List.of("bash", "install/kiosk.sh", "--frobnicate")).exit()).isEqualTo(2);
        assertThat(run(List.of("bash", "install/central.sh", "--db-name", "x;drop", "--dry-run")).exit()).isEqualTo(2);
        assertThat(run(List.of("bash", "install/central.sh", "--db-port", "5432;x", "--dry-run")).exit()).isEqualTo(2);
    }

    @Test
    void shellcheckFindsNothingInAnyScript() throws Exception {
        if (!onPath("shellcheck")) {
            MissingServer.report("shellcheck", "shellcheck");
        }
        List<String> scripts = scripts();
        assertThat(scripts).contains("demo", "run-tests", ".ci/run", "provision", "package", "install/kiosk.sh", "install/central.sh");
        List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
        command.addAll(scripts);
        Result result = run(command);
        assertThat(result.output()).as("shellcheck " + scripts).isEmpty();
        assertThat(result.exit()).isZero();
    }

    @Test
    void systemdAcceptsEveryUnit() throws Exception {
        if (!onPath("systemd-analyze")) {
            MissingServer.report("systemd-analyze", "systemd");
        }
        List<Path> units;
        try (Stream<Path> files = Files.list(ROOT.resolve("install/systemd"))) {
            units = files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
        }
        assertThat(units).hasSize(3);
        for (Path unit : units) {
            Result result = run(List.of("systemd-analyze", "verify", unit.toString()));
            // The kiosk's compositor is installed by install/kiosk.sh, not on a build machine.
            String problems = result.output().lines()
                    .filter(line -> !(line.contains("Command /usr/bin/cage is not executable") && !Files.exists(Path.of("/usr/bin/cage"))))
                    .collect(Collectors.joining("\n"));
            assertThat(problems).as(unit.getFileName().toString()).isEmpty();
        }
    }

    private static List<String> scripts() throws IOException {
        List<String> found = new ArrayList<>(List.of("demo", "run-tests", ".ci/run", "provision", "package"));
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".sh"))
                    .map(f -> ROOT.relativize(f).toString())
                    // Ours only: not build output, demo data, git's hooks or the npm packages ./run-tests installs.
                    .filter(f -> !f.contains("/target/") && !f.contains("/node_modules/") && !f.startsWith("demo-data/")
                            && !f.startsWith(".git/"))
                    .sorted()
                    .forEach(found::add);
        }
        return found;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
