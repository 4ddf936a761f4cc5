package org.culturecard.reader;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.smartcardio.CardTerminals;
import org.culturecard.reader.internal.LatencyProbe;
import org.culturecard.reader.internal.PcscContext;
import org.culturecard.reader.internal.ReadWorkers;
import org.culturecard.reader.internal.ReaderModel;

/**
 * Reads contactless cards on every PC/SC reader through pcscd: the composition root of the PC/SC
 * adapter, and the only class of it other modules see. It wires, and starts and stops:
 * <ul>
 *   <li>{@link PcscMonitor}, one daemon thread ({@value PcscMonitor#THREAD_NAME}) that watches all
 *       readers, reports readers attached and lost and cards removed, and recovers when pcscd
 *       restarts or is absent ({@link ReaderEvent.ServiceDown}, {@link ReaderEvent.ServiceUp});</li>
 *   <li>{@link TapReader}, which reads the UID of each card that arrives on its reader's read thread
 *       ({@link ReadWorkers}) the way the reader's {@link ReaderModel} does, debounces and reports the tap;</li>
 *   <li>{@link ReaderEvents}, which hands their events to the listener one at a time;</li>
 *   <li>{@link PcscContext}, the PC/SC contexts (jnasmartcardio) of all of them.</li>
 * </ul>
 */
public final class PcscCardReader implements CardReader {

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

    private final Options options;
    private final Supplier<CardTerminals> contexts;
    private final ReaderEvents events;
    private final TapReader taps;
    private PcscMonitor monitor;
    private Thread thread;

    public PcscCardReader(Clock clock) {
        this(clock, Options.defaults());
    }

    public PcscCardReader(Clock clock, Options options) {
        this(clock, options, PcscContext::establish);
    }

    /** @param contexts establishes a PC/SC context (see {@link PcscContext}) */
    PcscCardReader(Clock clock, Options options, Supplier<CardTerminals> contexts) {
        this.options = Objects.requireNonNull(options, "options");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.events = new ReaderEvents(clock);
        this.taps = new TapReader(options.debounceWindow(), contexts, events);
    }

    /**
     * The names of the readers attached right now, or an empty list when pcscd is not running or
     * unreachable. For choosing between a real reader and the simulated one at start-up.
     */
    public static List<String> attachedReaderNames() {
        return PcscContext.attachedReaderNames();
    }

    /** Buzzer and LED feedback on the readers this class watches (the models that have commands for it). */
    public static ReaderFeedback feedback() {
        return new PcscReaderFeedback();
    }

    @Override
    public synchronized void start(Consumer<ReaderEvent> eventListener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        events.open(eventListener);
        monitor = new PcscMonitor(new PcscContext(contexts), taps, events, options.pollInterval(), options.retryInterval());
        thread = new Thread(monitor, PcscMonitor.THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    void setLatencyProbe(LatencyProbe probe) {
        taps.setLatencyProbe(probe);
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            events.close();
            if (monitor != null) {
                monitor.stop();
            }
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(options.pollInterval().toMillis() + options.retryInterval().toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        taps.close();
    }
}
