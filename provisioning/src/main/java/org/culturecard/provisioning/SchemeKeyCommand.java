package org.culturecard.provisioning;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.culturecard.core.privacy.SchemeKeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provision scheme-key create}: makes the scheme's HMAC key file, once per scheme (ADR 20). */
@Command(name = "scheme-key", mixinStandardHelpOptions = true, description = "The scheme's HMAC key (ADR 20).",
        subcommands = SchemeKeyCommand.Create.class)
final class SchemeKeyCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Writes a new random scheme key: 32 bytes as 64 lowercase hex digits and a line feed, mode 0600.",
                    "Every token depends on it and it cannot be rotated: back it up (docs/operations.md, the scheme key)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:created", "1:failed", "2:bad usage", "3:refused: FILE exists (a key is never overwritten)"})
    static final class Create implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "The key file to create; it must not exist.")
        Path out;

        @Override
        public Integer call() {
            try {
                SchemeKeyFiles.create(out, new SecureRandom());
                System.out.println("Created the scheme key " + out + " (mode 0600).");
                System.out.println("Back it up now, offline: every token depends on it, and a lost key cannot be made again.");
                return ProvisionMain.OK;
            } catch (FileAlreadyExistsException e) {
                System.err.println("Refused: " + out + " exists; a scheme key is never overwritten (every token depends on it).");
                return ProvisionMain.REFUSED;
            } catch (IOException | RuntimeException e) {
                System.err.println("Failed: cannot create the scheme key " + out + ": " + e.getMessage());
                return ProvisionMain.FAILED;
            }
        }
    }
}
