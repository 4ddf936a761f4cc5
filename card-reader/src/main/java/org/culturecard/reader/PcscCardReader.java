package org.culturecard.reader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.culturecard.core.card.CardTap;
import org.culturecard.reader.ReaderEvent.CardPresented;
import org.culturecard.reader.ReaderEvent.CardRemoved;
import org.culturecard.reader.ReaderEvent.ReaderAttached;
import org.culturecard.reader.ReaderEvent.ReaderLost;
import org.culturecard.reader.ReaderEvent.ServiceDown;
import org.culturecard.reader.ReaderEvent.ServiceUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads contactless cards on every PC/SC reader through pcscd, with javax.smartcardio and the
 * jnasmartcardio provider (never {@code TerminalFactory.getDefault()}, which turns into a dead
 * "None" factory for good when pcscd is absent, and SunPCSC, which cannot survive a pcscd restart).
 *
 * <p>One daemon thread, {@value #THREAD_NAME}, watches all readers: it waits for a PC/SC status
 * change (at most {@link Options#pollInterval()}, so readers plugged in or out are noticed by
 * re-listing), hands each card the change announced to its reader's read thread ({@link ReadWorkers})
 * to read the UID, then compares the readers
 * and cards present with what it saw before (reader attached or lost, card removed, a card the
 * change did not announce). When any PC/SC call fails it drops its context and establishes a new one;
 * if that fails, pcscd is gone: it reports {@link ServiceDown} and the loss of every reader, then
 * retries every {@link Options#retryInterval()} and reports {@link ServiceUp} and the readers again
 * when pcscd is back. A failed read (card pulled, error status, garbage) gives no tap.
 */
public final class PcscCardReader implements CardReader {
    static final String THREAD_NAME = "pcsc-monitor";
    private static final Logger LOG = LoggerFactory.getLogger(PcscCardReader.class);

    /**
     * @param debounceWindow the same card on the same reader within this window is one tap
     * @param pollInterval   the longest wait for a status change before readers are listed again
     * @param retryInterval  the pause between attempts to reach pcscd while it is down
     */
    public record Options(Duration debounceWindow, Duration pollInterval, Duration retryInterval) {
        public Options {
            Objects.requireNonNull(debounceWindow, "debounceWindow");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
            }
            if (retryInterval.isNegative() || retryInterval.isZero()) {
                throw new IllegalArgumentException("retryInterval must be positive: " + retryInterval);
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), Duration.ofMillis(250), Duration.ofMillis(200));
        }

        public Options withDebounceWindow(Duration window) {
            return new Options(window, pollInterval, retryInterval);
        }
    }

    /**
     * Package-private hook for the benchmark: nanoTime of the status change, of the read starting on
     * the reader's read thread, and of the emitted tap, and how long of that was spent inside PC/SC calls (SCardConnect and the UID exchange, i.e.
     * waiting on pcscd, the reader driver and the card), so our own share can be told apart.
     */
    interface LatencyProbe {
        void tapEmitted(long statusChangeSeenNanos, long readStartedNanos, long inPcscNanos, long emittedNanos);
    }

    private final Clock clock;
    private final Options options;
    private final Supplier<CardTerminals> terminalsFactory;
    private final TapDebouncer debouncer;
    private final Map<String, Boolean> cardPresentByReader = new LinkedHashMap<>();
    private final Set<String> unsupportedReported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ReadWorkers reads;
    private final Object emitting = new Object();
    private volatile LatencyProbe latencyProbe = (seen, started, inPcsc, emitted) -> { };
    private volatile boolean running;
    private volatile Consumer<ReaderEvent> listener;
    private Thread thread;
    private CardTerminals terminals;
    private boolean serviceDown;

    public PcscCardReader(Clock clock) {
        this(clock, Options.defaults());
    }

    public PcscCardReader(Clock clock, Options options) {
        this(clock, options, PcscCardReader::openTerminals);
    }

    PcscCardReader(Clock clock, Options options, Supplier<CardTerminals> terminalsFactory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.terminalsFactory = terminalsFactory;
        this.debouncer = new TapDebouncer(options.debounceWindow());
        this.reads = new ReadWorkers(terminalsFactory);
    }

    /** A fresh PC/SC context through jnasmartcardio: the only way to recover after pcscd restarts. */
    static CardTerminals openTerminals() {
        try {
            return TerminalFactory.getInstance("PC/SC", null, new jnasmartcardio.Smartcardio()).terminals();
        } catch (Exception e) {
            throw new IllegalStateException(describe(e), e);
        }
    }

    @Override
    public synchronized void start(Consumer<ReaderEvent> eventListener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(eventListener, "listener");
        running = true;
        thread = new Thread(this::monitor, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The names of the readers attached right now, or an empty list when pcscd is not running or
     * unreachable. For choosing between a real reader and the simulated one at start-up.
     */
    public static List<String> attachedReaderNames() {
        CardTerminals terminals = null;
        try {
            terminals = openTerminals();
            return terminals.list().stream().map(CardTerminal::getName).toList();
        } catch (CardException | RuntimeException e) {
            LOG.debug("No PC/SC readers: {}", describe(e));
            return List.of();
        } finally {
            release(terminals);
        }
    }

    /** Buzzer and LED feedback on the readers this class watches (ACS readers only). */
    public static PcscReaderFeedback feedback() {
        return new PcscReaderFeedback();
    }

    void setLatencyProbe(LatencyProbe probe) {
        this.latencyProbe = probe;
    }

    @Override
    public void close() {
        Thread monitor;
        synchronized (this) {
            running = false;
            monitor = thread;
        }
        if (monitor != null && monitor != Thread.currentThread()) {
            try {
                monitor.join(options.pollInterval().toMillis() + options.retryInterval().toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reads.close();
    }

    private void monitor() {
        LOG.info("PC/SC monitor started");
        while (running) {
            if (terminals == null && !connect()) {
                pause(options.retryInterval());
                continue;
            }
            try {
                terminals.waitForChange(options.pollInterval().toMillis());
                long seenNanos = System.nanoTime();
                if (running) {
                    readInsertedCards(seenNanos);
                    synchronise(seenNanos);
                }
            } catch (CardException | RuntimeException e) {
                LOG.info("PC/SC call failed, establishing a new context: {}", describe(e));
                dropContext();
                reads.resetContexts();
            }
        }
        dropContext();
        LOG.info("PC/SC monitor stopped");
    }

    /** Establishes a context; on failure reports the service down (once) and every reader lost. */
    private boolean connect() {
        try {
            terminals = terminalsFactory.get();
        } catch (RuntimeException e) {
            if (!serviceDown) {
                serviceDown = true;
                LOG.warn("PC/SC service unavailable, retrying every {} ms: {}", options.retryInterval().toMillis(), e.getMessage());
                emit(new ServiceDown(e.getMessage(), now()));
                loseAllReaders();
            }
            return false;
        }
        if (serviceDown) {
            serviceDown = false;
            LOG.info("PC/SC service is back");
            emit(new ServiceUp(now()));
        }
        return true;
    }

    private void synchronise(long seenNanos) throws CardException {
        List<CardTerminal> all = terminals.list(CardTerminals.State.ALL);
        Set<String> names = new HashSet<>();
        for (CardTerminal terminal : all) {
            names.add(terminal.getName());
        }
        forgetLostReaders(names);
        for (CardTerminal terminal : all) {
            if (cardPresentByReader.putIfAbsent(terminal.getName(), false) == null) {
                LOG.info("reader attached: '{}'", terminal.getName());
                reads.attach(terminal.getName());
                emit(new ReaderAttached(terminal.getName(), now()));
            }
        }
        Set<String> withCard = new HashSet<>();
        for (CardTerminal terminal : terminals.list(CardTerminals.State.CARD_PRESENT)) {
            withCard.add(terminal.getName());
        }
        for (CardTerminal terminal : all) {
            updateCard(terminal, withCard.contains(terminal.getName()), seenNanos);
        }
    }

    /**
     * The fast path: the cards that arrived on known readers, from the states the wait itself
     * returned (no further call to pcscd), are read before readers and cards are listed again.
     */
    private void readInsertedCards(long seenNanos) throws CardException {
        for (CardTerminal terminal : terminals.list(CardTerminals.State.CARD_INSERTION)) {
            if (Boolean.FALSE.equals(cardPresentByReader.get(terminal.getName()))) {
                updateCard(terminal, true, seenNanos);
            }
        }
    }

    private void forgetLostReaders(Set<String> present) {
        for (String name : new ArrayList<>(cardPresentByReader.keySet())) {
            if (!present.contains(name)) {
                cardPresentByReader.remove(name);
                reads.forget(name);
                synchronized (debouncer) {
                    debouncer.forget(name);
                }
                LOG.info("reader lost: '{}'", name);
                emit(new ReaderLost(name, now()));
            }
        }
    }

    private void loseAllReaders() {
        forgetLostReaders(Set.of());
    }

    private void updateCard(CardTerminal terminal, boolean present, long seenNanos) {
        String name = terminal.getName();
        boolean wasPresent = cardPresentByReader.getOrDefault(name, false);
        if (present == wasPresent) {
            return;
        }
        cardPresentByReader.put(name, present);
        if (present) {
            reads.read(name, onReaderThread -> readCard(onReaderThread, seenNanos));
        } else {
            synchronized (debouncer) {
                debouncer.cardLeft(name, now());
            }
            emit(new CardRemoved(name, now()));
        }
    }

    /**
     * Reads the UID of a card that just arrived, on its reader's read thread (see {@link ReadWorkers}).
     * Every failure of the card ends here, without a tap; a failed connect is thrown, since the
     * context may be dead (pcscd restarted) and the read thread then replaces it.
     */
    private void readCard(CardTerminal terminal, long seenNanos) throws CardException {
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
        Card card;
        long connectStarted = System.nanoTime();
        try {
            card = terminal.connect("*");
        } catch (CardException | RuntimeException e) {
            LOG.info("card on '{}' could not be connected (removed?): {}", name, describe(e));
            throw e instanceof CardException ce ? ce : new CardException(describe(e));
        }
        long connected = System.nanoTime();
        try {
            byte[] atr = card.getATR().getBytes();
            long exchangeStarted = System.nanoTime();
            UidReader.Result result = UidReader.read(card.getBasicChannel());
            long inPcsc = connected - connectStarted + System.nanoTime() - exchangeStarted;
            if (result instanceof UidReader.Result.Read read) {
                presentIfNew(new CardTap(read.uid(), atr, AtrClassifier.classify(atr), name, now()), seenNanos,
                        connectStarted, inPcsc);
            } else if (result instanceof UidReader.Result.Refused refused && unsupportedReported.add(name)) {
                LOG.warn("card on '{}' gave no UID ({}); further such cards on this reader are logged at DEBUG", name, refused.why());
            } else {
                LOG.debug("card on '{}' gave no UID", name);
            }
            return true;
        } catch (CardException | RuntimeException e) {
            LOG.info("reading the card on '{}' failed (pulled too soon?): {}", name, describe(e));
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
        emit(new CardPresented(tap));
        latencyProbe.tapEmitted(seenNanos, readStartedNanos, inPcscNanos, System.nanoTime());
    }

    private static void disconnect(Card card) {
        try {
            card.disconnect(false);
        } catch (CardException | RuntimeException e) {
            LOG.debug("disconnect after the read failed: {}", describe(e));
        }
    }

    private void dropContext() {
        CardTerminals old = terminals;
        terminals = null;
        release(old);
    }

    static void release(CardTerminals context) {
        if (context instanceof jnasmartcardio.Smartcardio.JnaCardTerminals jna) {
            try {
                jna.close();
            } catch (Exception e) {
                LOG.debug("releasing the PC/SC context failed: {}", describe(e));
            }
        }
    }

    /** Serialised: read threads and the monitor thread emit, the listener sees one event at a time. */
    private void emit(ReaderEvent event) {
        synchronized (emitting) {
            if (!running) {
                return;
            }
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("a reader event listener threw; the reader goes on", e);
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** An exception as text without card data: jnasmartcardio puts only call names and codes in it. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
