package org.culturecard.reader;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.culturecard.core.card.CardTap;
import org.culturecard.reader.ReaderEvent.CardPresented;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.culturecard.reader.internal.LatencyProbe;
import org.culturecard.reader.internal.PcscContext;
import org.culturecard.reader.internal.ReadWorkers;
import org.culturecard.reader.internal.ReaderModel;
import org.culturecard.reader.internal.ReaderModels;
import org.culturecard.reader.internal.TapDebouncer;
import org.culturecard.reader.internal.UidReader;

/**
 * Turns a card that arrived on a reader into a tap, on that reader's read thread ({@link ReadWorkers}):
 * connect, the UID and the card's kind as the reader's {@link ReaderModel} reads them, the debounce,
 * the {@link CardPresented} event. A failed read (card pulled, error status, garbage) gives no tap.
 * The monitor tells it which readers there are and when a card arrives or leaves.
 */
final class TapReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TapReader.class);

    private final ReaderEvents events;
    private final TapDebouncer debouncer;
    private final ReadWorkers reads;
    private final Map<String, ReaderModel> models = new ConcurrentHashMap<>();
    private final Set<String> unsupportedReported = ConcurrentHashMap.newKeySet();
    private volatile LatencyProbe latencyProbe = LatencyProbe.NONE;

    /** @param contexts establishes a PC/SC context for each read thread (see {@link PcscContext}) */
    TapReader(Duration debounceWindow, Supplier<CardTerminals> contexts, ReaderEvents events) {
        this.events = events;
        this.debouncer = new TapDebouncer(debounceWindow);
        this.reads = new ReadWorkers(contexts);
    }

    void setLatencyProbe(LatencyProbe probe) {
        this.latencyProbe = probe;
    }

    /**
     * Makes the reader's read thread ready and tells its model, so the first tap on it is not slowed
     * by them (the model's lookup by name costs some microseconds while the JIT has not compiled it).
     */
    void readerAttached(String readerName) {
        models.put(readerName, ReaderModels.of(readerName));
        reads.attach(readerName);
    }

    void readerLost(String readerName) {
        reads.forget(readerName);
        models.remove(readerName);
        synchronized (debouncer) {
            debouncer.forget(readerName);
        }
    }

    /** Reads the card on the reader's read thread; {@code seenNanos} is when the monitor saw it arrive. */
    void cardArrived(String readerName, long seenNanos) {
        reads.read(readerName, terminal -> read(terminal, seenNanos));
    }

    void cardLeft(String readerName) {
        synchronized (debouncer) {
            debouncer.cardLeft(readerName, events.now());
        }
    }

    /** pcscd may have restarted: every read thread replaces its context before its next read. */
    void resetContexts() {
        reads.resetContexts();
    }

    @Override
    public void close() {
        reads.close();
    }

    /**
     * Every failure of the card ends here, without a tap; a failed connect is thrown, since the
     * context may be dead (pcscd restarted) and the read thread then replaces it.
     */
    private void read(CardTerminal terminal, long seenNanos) throws CardException {
        if (!readOnce(terminal, seenNanos) && isStillPresent(terminal)) {
            // The card is still there: a transient error (a protocol hiccup while it was settling
            // in the field) should not cost a tap, since the card lying there will not arrive again.
            readOnce(terminal, seenNanos);
        }
    }

    /**
     * One read; a tap is emitted before the card is disconnected (one pcscd round trip sooner).
     * False when it failed on the way (worth one more try); true when it read a UID or the card
     * answered without a usable one.
     */
    private boolean readOnce(CardTerminal terminal, long seenNanos) throws CardException {
        String name = terminal.getName();
        ReaderModel model = models.get(name);
        if (model == null) {
            model = ReaderModels.of(name);
        }
        Card card;
        long connectStarted = System.nanoTime();
        try {
            card = terminal.connect("*");
        } catch (CardException | RuntimeException e) {
            LOG.info("card on '{}' could not be connected (removed?): {}", name, PcscContext.describe(e));
            throw e instanceof CardException ce ? ce : new CardException(PcscContext.describe(e));
        }
        long connected = System.nanoTime();
        try {
            byte[] atr = card.getATR().getBytes();
            long exchangeStarted = System.nanoTime();
            UidReader.Result result = model.readUid(card.getBasicChannel());
            long inPcsc = connected - connectStarted + System.nanoTime() - exchangeStarted;
            if (result instanceof UidReader.Result.Read read) {
                presentIfNew(new CardTap(read.uid(), atr, model.cardKind(atr), name, events.now()), seenNanos,
                        connectStarted, inPcsc);
            } else if (result instanceof UidReader.Result.Refused refused && unsupportedReported.add(name)) {
                LOG.warn("card on '{}' gave no UID ({}); further such cards on this reader are logged at DEBUG", name, refused.why());
            } else {
                LOG.debug("card on '{}' gave no UID", name);
            }
            return true;
        } catch (CardException | RuntimeException e) {
            LOG.info("reading the card on '{}' failed (pulled too soon?): {}", name, PcscContext.describe(e));
            return false;
        } finally {
            disconnect(card);
        }
    }

    private static boolean isStillPresent(CardTerminal terminal) {
        try {
            return terminal.isCardPresent();
        } catch (CardException | RuntimeException e) {
            return false;
        }
    }

    private void presentIfNew(CardTap tap, long seenNanos, long readStartedNanos, long inPcscNanos) {
        boolean isNew;
        synchronized (debouncer) {
            isNew = debouncer.isNewTap(tap.readerName(), tap.uid(), tap.at());
        }
        if (!isNew) {
            LOG.debug("same card again on '{}' within the debounce window: not a new tap", tap.readerName());
            return;
        }
        events.emit(new CardPresented(tap));
        latencyProbe.tapEmitted(seenNanos, readStartedNanos, inPcscNanos, System.nanoTime());
    }

    private static void disconnect(Card card) {
        try {
            card.disconnect(false);
        } catch (CardException | RuntimeException e) {
            LOG.debug("disconnect after the read failed: {}", PcscContext.describe(e));
        }
    }
}
