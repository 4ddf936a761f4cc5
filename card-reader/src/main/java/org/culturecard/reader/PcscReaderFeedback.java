package org.culturecard.reader;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.culturecard.reader.internal.PcscContext;
import org.culturecard.reader.internal.ReaderModel;
import org.culturecard.reader.internal.ReaderModels;

/**
 * Beeps and blinks readers through the escape commands their {@link ReaderModel} gives (ACS readers
 * today; others get nothing). It has its own {@link PcscContext} and its own thread, so a slow or
 * failing reader never delays card monitoring, and the caller (the kiosk) never waits. A reader that
 * fails is logged once at WARN, then at DEBUG.
 */
final class PcscReaderFeedback implements ReaderFeedback, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PcscReaderFeedback.class);

    private final PcscContext context;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pcsc-feedback");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> failedReaders = ConcurrentHashMap.newKeySet();

    PcscReaderFeedback() {
        this(PcscContext::establish);
    }

    /** @param contexts establishes the PC/SC context feedback is sent through (see {@link PcscContext}) */
    PcscReaderFeedback(Supplier<CardTerminals> contexts) {
        this.context = new PcscContext(contexts);
    }

    @Override
    public void signal(String readerName, boolean success) {
        List<byte[]> commands = ReaderModels.of(readerName).signal(success);
        if (commands.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> send(readerName, commands));
        } catch (RejectedExecutionException e) {
            LOG.debug("feedback after close ignored");
        }
    }

    private void send(String readerName, List<byte[]> commands) {
        try {
            CardTerminal terminal = context.terminals().getTerminal(readerName);
            if (terminal == null) {
                return;
            }
            Card card = terminal.connect("DIRECT");
            try {
                for (byte[] command : commands) {
                    card.transmitControlCommand(ReaderModel.IOCTL_CCID_ESCAPE, command);
                }
            } finally {
                card.disconnect(false);
            }
        } catch (Exception e) {
            context.drop();
            if (failedReaders.add(readerName)) {
                LOG.warn("reader feedback failed on '{}' (is ifdDriverOptions 0x0001 set in libccid's Info.plist?): {}",
                        readerName, e.toString());
            } else {
                LOG.debug("reader feedback failed again on '{}': {}", readerName, e.toString());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
