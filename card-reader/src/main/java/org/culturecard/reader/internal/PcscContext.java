package org.culturecard.reader.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PC/SC context for one thread, through javax.smartcardio with the jnasmartcardio provider:
 * established when first needed, dropped after a failed call and established anew on the next use.
 * That is how a pcscd restart is survived: a context from before the restart stays dead, only a new
 * {@code TerminalFactory} reaches the new daemon. Never {@code TerminalFactory.getDefault()}, which
 * turns into a dead "None" factory for good when pcscd is absent, and never SunPCSC, whose context is
 * static and cannot survive a restart.
 *
 * <p>Not thread-safe, since pcsc-lite serialises the calls on a context anyway: the monitor, each
 * read thread and the feedback thread have their own. The only class that opens PC/SC contexts.
 */
public final class PcscContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PcscContext.class);

    private final Supplier<CardTerminals> establish;
    private CardTerminals terminals;

    /** A context on the machine's pcscd. */
    public PcscContext() {
        this(PcscContext::establish);
    }

    /** @param establish opens a new context, or throws when pcscd cannot be reached */
    public PcscContext(Supplier<CardTerminals> establish) {
        this.establish = Objects.requireNonNull(establish, "establish");
    }

    /**
     * A fresh context on pcscd through jnasmartcardio.
     *
     * @throws IllegalStateException when pcscd cannot be reached; its message is {@link #describe}d
     */
    public static CardTerminals establish() {
        try {
            return TerminalFactory.getInstance("PC/SC", null, new jnasmartcardio.Smartcardio()).terminals();
        } catch (Exception e) {
            throw new IllegalStateException(describe(e), e);
        }
    }

    /**
     * The names of the readers attached right now, or an empty list when pcscd is not running or
     * unreachable.
     */
    public static List<String> attachedReaderNames() {
        try (PcscContext context = new PcscContext()) {
            return context.terminals().list().stream().map(CardTerminal::getName).toList();
        } catch (CardException | RuntimeException e) {
            LOG.debug("No PC/SC readers: {}", describe(e));
            return List.of();
        }
    }

    /**
     * The context, established first when there is none.
     *
     * @throws IllegalStateException (or what the establishing supplier throws) when pcscd cannot be reached
     */
    public CardTerminals terminals() {
        if (terminals == null) {
            terminals = establish.get();
        }
        return terminals;
    }

    public boolean isEstablished() {
        return terminals != null;
    }

    /** Releases the context (a call on it failed: pcscd may have restarted); the next use establishes a new one. */
    public void drop() {
        CardTerminals old = terminals;
        terminals = null;
        if (old instanceof jnasmartcardio.Smartcardio.JnaCardTerminals jna) {
            try {
                jna.close();
            } catch (Exception e) {
                LOG.debug("releasing the PC/SC context failed: {}", describe(e));
            }
        }
    }

    @Override
    public void close() {
        drop();
    }

    /**
     * A PC/SC failure as text for the log, without card data: the class and message of its root
     * cause, where jnasmartcardio puts only call names and codes (e.g.
     * {@code JnaPCSCException: SCardEstablishContext got response 0x8010001d (SCARD_E_NO_SERVICE...)}).
     */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
