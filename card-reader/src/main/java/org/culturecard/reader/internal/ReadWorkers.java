package org.culturecard.reader.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read thread per reader, each with its own {@link PcscContext}. pcsc-lite serialises the calls on a
 * context, so a card that answers slowly, or never, would otherwise hold up the monitor and every
 * other reader until it is taken away. Here it holds up only its own reader: while a read is in
 * progress there, further cards on that reader are not read (they are still seen by the monitor).
 */
public final class ReadWorkers implements AutoCloseable {
    /** What to do with the card on a reader, on that reader's read thread. */
    public interface Read {
        /** @throws CardException when the context may be dead (it is then replaced) */
        void on(CardTerminal terminal) throws CardException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadWorkers.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Supplier<CardTerminals> contexts;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    public ReadWorkers(Supplier<CardTerminals> contexts) {
        this.contexts = contexts;
    }

    /** Makes ready a reader's thread and context, so the first tap on it is not slowed by them. */
    public void attach(String readerName) {
        worker(readerName).warmUp();
    }

    /** Starts a read on the reader; false when one is still in progress there. */
    public boolean read(String readerName, Read read) {
        return worker(readerName).submit(read);
    }

    /** The reader is gone: its thread ends (once any blocked call returns) and its context is released. */
    public void forget(String readerName) {
        Worker worker = workers.remove(readerName);
        if (worker != null) {
            worker.close();
        }
    }

    /** pcscd may have restarted: every read thread replaces its context before its next read. */
    public void resetContexts() {
        for (Worker worker : workers.values()) {
            worker.execute(worker::release);
        }
    }

    @Override
    public void close() {
        for (String name : workers.keySet()) {
            forget(name);
        }
    }

    private Worker worker(String readerName) {
        return workers.computeIfAbsent(readerName, name -> new Worker(name, contexts));
    }

    /** A reader's thread; its context is touched by that thread only. */
    private static final class Worker {
        private final String readerName;
        private final PcscContext context;
        private final ExecutorService thread;
        private final AtomicBoolean busy = new AtomicBoolean();
        private CardTerminal terminal;

        Worker(String readerName, Supplier<CardTerminals> contexts) {
            this.readerName = readerName;
            this.context = new PcscContext(contexts);
            this.thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "pcsc-read-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        void warmUp() {
            execute(() -> {
                try {
                    terminal();
                } catch (CardException | RuntimeException e) {
                    LOG.debug("no PC/SC context yet for '{}': {}", readerName, PcscContext.describe(e));
                }
            });
        }

        boolean submit(Read read) {
            if (!busy.compareAndSet(false, true)) {
                LOG.debug("a read is still in progress on '{}'", readerName);
                return false;
            }
            boolean accepted = execute(() -> {
                try {
                    read.on(terminal());
                } catch (CardException | RuntimeException e) {
                    LOG.info("PC/SC call on '{}' failed, its context is replaced: {}", readerName, PcscContext.describe(e));
                    release();
                } finally {
                    busy.set(false);
                }
            });
            if (!accepted) {
                busy.set(false);
            }
            return accepted;
        }

        private boolean execute(Runnable task) {
            try {
                thread.execute(task);
                return true;
            } catch (RejectedExecutionException e) {
                return false;
            }
        }

        /**
         * The reader in this thread's context, looked up once: {@code CardTerminals.getTerminal}
         * lists every reader through pcscd (SCardListReaders and SCardGetStatusChange), which would
         * otherwise cost two daemon round trips on every tap.
         */
        private CardTerminal terminal() throws CardException {
            if (terminal == null) {
                terminal = context.terminals().getTerminal(readerName);
                if (terminal == null) {
                    throw new CardException("reader '" + readerName + "' is not known to this PC/SC context yet");
                }
            }
            return terminal;
        }

        private void release() {
            context.drop();
            terminal = null;
        }

        void close() {
            execute(this::release);
            thread.shutdown();
        }
    }
}
