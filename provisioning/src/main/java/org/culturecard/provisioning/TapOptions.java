package org.culturecard.provisioning;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.SchemeKeyFiles;
import picocli.CommandLine.Option;

/** The options of a command that waits for one tap: the scheme key file and how long to wait (a picocli mixin). */
final class TapOptions {
    @Option(names = "--scheme-key", defaultValue = "/etc/culturecard/scheme.key", description = "The scheme key file (default: ${DEFAULT-VALUE}).")
    Path schemeKey;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for a tap (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Turns UIDs into tokens with the scheme key, read as the kiosk reads it (ADR 20). */
    Pseudonymiser pseudonymiser() throws IOException {
        return new Pseudonymiser(SchemeKeyFiles.load(schemeKey));
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
