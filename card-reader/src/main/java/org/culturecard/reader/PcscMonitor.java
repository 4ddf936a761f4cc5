package org.culturecard.reader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.culturecard.reader.ReaderEvent.CardRemoved;
import org.culturecard.reader.ReaderEvent.ReaderAttached;
import org.culturecard.reader.ReaderEvent.ReaderLost;
import org.culturecard.reader.ReaderEvent.ServiceDown;
import org.culturecard.reader.ReaderEvent.ServiceUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.culturecard.reader.internal.PcscContext;

/**
 * The work of the {@value #THREAD_NAME} thread, which watches every reader through one PC/SC
 * context. It waits for a status change (at most the poll interval, so readers plugged in or out
 * are noticed by re-listing), hands each card the change announced to the {@link TapReader}, then
 * compares the readers and cards present with what it saw before (reader attached or lost, card
 * removed, a card the change did not announce). When any PC/SC call fails it drops its context and
 * establishes a new one; if that fails, pcscd is gone: it reports {@link ServiceDown} and the loss of
 * every reader, then retries every retry interval and reports {@link ServiceUp} and the readers again
 * when pcscd is back.
 */
final class PcscMonitor implements Runnable {
    static final String THREAD_NAME = "pcsc-monitor";
    private static final Logger LOG = LoggerFactory.getLogger(PcscMonitor.class);

    private final PcscContext context;
    private final TapReader taps;
    private final ReaderEvents events;
    private final Duration pollInterval;
    private final Duration retryInterval;
    private final Map<String, Boolean> cardPresentByReader = new LinkedHashMap<>();
    private volatile boolean running = true;
    private boolean serviceDown;

    /**
     * @param pollInterval  the longest wait for a status change before readers are listed again
     * @param retryInterval the pause between attempts to reach pcscd while it is down
     */
    PcscMonitor(PcscContext context, TapReader taps, ReaderEvents events, Duration pollInterval, Duration retryInterval) {
        this.context = context;
        this.taps = taps;
        this.events = events;
        this.pollInterval = pollInterval;
        this.retryInterval = retryInterval;
    }

    /** The loop ends within a poll or retry interval. */
    void stop() {
        running = false;
    }

    @Override
    public void run() {
        LOG.info("PC/SC monitor started");
        while (running) {
            if (!context.isEstablished() && !connect()) {
                pause(retryInterval);
                continue;
            }
            try {
                CardTerminals terminals = context.terminals();
                terminals.waitForChange(pollInterval.toMillis());
                long seenNanos = System.nanoTime();
                if (running) {
                    readInsertedCards(terminals, seenNanos);
                    synchronise(terminals, seenNanos);
                }
            } catch (CardException | RuntimeException e) {
                LOG.info("PC/SC call failed, establishing a new context: {}", PcscContext.describe(e));
                context.drop();
                taps.resetContexts();
            }
        }
        context.drop();
        LOG.info("PC/SC monitor stopped");
    }

    /** Establishes a context; on failure reports the service down (once) and every reader lost. */
    private boolean connect() {
        try {
            context.terminals();
        } catch (RuntimeException e) {
            if (!serviceDown) {
                serviceDown = true;
                LOG.warn("PC/SC service unavailable, retrying every {} ms: {}", retryInterval.toMillis(), e.getMessage());
                events.emit(new ServiceDown(e.getMessage(), events.now()));
                forgetLostReaders(Set.of());
            }
            return false;
        }
        if (serviceDown) {
            serviceDown = false;
            LOG.info("PC/SC service is back");
            events.emit(new ServiceUp(events.now()));
        }
        return true;
    }

    private void synchronise(CardTerminals terminals, long seenNanos) throws CardException {
        List<CardTerminal> all = terminals.list(CardTerminals.State.ALL);
        Set<String> names = new HashSet<>();
        for (CardTerminal terminal : all) {
            names.add(terminal.getName());
        }
        forgetLostReaders(names);
        for (CardTerminal terminal : all) {
            if (cardPresentByReader.putIfAbsent(terminal.getName(), false) == null) {
                LOG.info("reader attached: '{}'", terminal.getName());
                taps.readerAttached(terminal.getName());
                events.emit(new ReaderAttached(terminal.getName(), events.now()));
            }
        }
        Set<String> withCard = new HashSet<>();
        for (CardTerminal terminal : terminals.list(CardTerminals.State.CARD_PRESENT)) {
            withCard.add(terminal.getName());
        }
        for (CardTerminal terminal : all) {
            updateCard(terminal.getName(), withCard.contains(terminal.getName()), seenNanos);
        }
    }

    /**
     * The fast path: the cards that arrived on known readers, from the states the wait itself
     * returned (no further call to pcscd), are read before readers and cards are listed again.
     */
    private void readInsertedCards(CardTerminals terminals, long seenNanos) throws CardException {
        for (CardTerminal terminal : terminals.list(CardTerminals.State.CARD_INSERTION)) {
            if (Boolean.FALSE.equals(cardPresentByReader.get(terminal.getName()))) {
                updateCard(terminal.getName(), true, seenNanos);
            }
        }
    }

    private void forgetLostReaders(Set<String> present) {
        for (String name : new ArrayList<>(cardPresentByReader.keySet())) {
            if (!present.contains(name)) {
                cardPresentByReader.remove(name);
                taps.readerLost(name);
                LOG.info("reader lost: '{}'", name);
                events.emit(new ReaderLost(name, events.now()));
            }
        }
    }

    private void updateCard(String name, boolean present, long seenNanos) {
        boolean wasPresent = cardPresentByReader.getOrDefault(name, false);
        if (present == wasPresent) {
            return;
        }
        cardPresentByReader.put(name, present);
        if (present) {
            taps.cardArrived(name, seenNanos);
        } else {
            taps.cardLeft(name);
            events.emit(new CardRemoved(name, events.now()));
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
