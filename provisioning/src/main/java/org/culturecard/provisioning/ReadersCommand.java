package org.culturecard.provisioning;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.provisioning.internal.readers.TapTest;
import org.culturecard.reader.PcscCardReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provision readers list|test}: the card readers pcscd sees, and a tap test. */
@Command(name = "readers", mixinStandardHelpOptions = true, description = "Card readers (PC/SC).",
        subcommands = {ReadersCommand.ListReaders.class, ReadersCommand.Test.class})
final class ReadersCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the readers pcscd sees.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:at least one reader", "1:no reader (or pcscd unreachable)"})
    static final class ListReaders implements Callable<Integer> {
        @Override
        public Integer call() {
            List<String> names = PcscCardReader.attachedReaderNames();
            if (names.isEmpty()) {
                System.err.println("No readers: plug one in, and check that pcscd runs (provision doctor says more).");
                return ProvisionMain.FAILED;
            }
            names.forEach(System.out::println);
            return ProvisionMain.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Waits for a tap; shows the reader, card kind, the masked token and the time taken. Never the card's UID.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:a card was read", "1:failed", "5:no tap in time"})
    static final class Test implements Callable<Integer> {
        @Mixin
        TapOptions tap;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Pseudonymiser pseudonymiser = tap.pseudonymiser();
            try (PcscCardReader reader = new PcscCardReader(Clock.systemUTC())) {
                System.out.println("Tap a card on the reader (waiting " + tap.timeoutSeconds + " s)...");
                Optional<TapTest.Seen> seen = new TapTest(reader, pseudonymiser, Clock.systemUTC())
                        .await(tap.timeout());
                if (seen.isEmpty()) {
                    System.err.println("No tap within " + tap.timeoutSeconds + " s.");
                    return ProvisionMain.NO_TAP;
                }
                TapTest.Seen tap = seen.get();
                System.out.println("reader: " + tap.readerName());
                System.out.println("card:   " + tap.kind() + (tap.randomId() ? " (random id: a phone or bank card, the kiosk refuses it)" : ""));
                System.out.println("token:  " + tap.token().masked());
                System.out.println("time:   " + tap.waited().toMillis() + " ms from the start of the wait to the tap");
                return ProvisionMain.OK;
            }
        }
    }
}
