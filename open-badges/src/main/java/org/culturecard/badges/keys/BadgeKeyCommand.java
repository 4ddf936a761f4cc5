package org.culturecard.badges.keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code badge-key}: makes the issuer's key file ({@code create}) and prints what to publish of it
 * ({@code show}: the key id and public key, never the secret). Central, or ./provision, may also call
 * {@link BadgeKeyFiles#create} directly.
 */
@Command(name = "badge-key", mixinStandardHelpOptions = true, version = "badge-key 0.1.0",
        description = "The Open Badges issuer's Ed25519 key file.",
        subcommands = {BadgeKeyCommand.Create.class, BadgeKeyCommand.Show.class})
public final class BadgeKeyCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, printing a failure's message (e.g. a refused key file) rather than a stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new BadgeKeyCommand()).setExecutionExceptionHandler((e, cli, parsed) -> {
            cli.getErr().println("badge-key: " + e.getMessage());
            cli.getErr().flush();
            return 1;
        });
    }

    /** The key file option and the output, shared by the subcommands (a picocli mixin). */
    static final class KeyFile {
        @Option(names = "--file", required = true, description = "The key file.")
        Path file;

        @Spec(Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;

        void print(String heading, PublishedKey key) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(heading);
            out.println("keyId: " + key.keyId());
            out.println("publicKeyMultibase: " + key.publicKeyMultibase());
            out.println("did:key: did:key:" + key.publicKeyMultibase());
            out.flush();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a new key file, mode 0600 (never over an existing file).")
    static final class Create implements Callable<Integer> {
        @Mixin
        KeyFile keyFile;

        @Option(names = "--key-id", required = true, description = "The key's id, e.g. 2026-12 (letters, digits, . _ -).")
        String keyId;

        @Override
        public Integer call() throws IOException {
            SigningKey key = BadgeKeyFiles.create(keyFile.file, keyId, new SecureRandom());
            keyFile.print("Created " + keyFile.file + " (mode 0600).", key.published());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a key file's key id and public key.")
    static final class Show implements Callable<Integer> {
        @Mixin
        KeyFile keyFile;

        @Override
        public Integer call() throws IOException {
            keyFile.print(keyFile.file.toString(), BadgeKeyFiles.load(keyFile.file).published());
            return 0;
        }
    }
}
