package org.culturecard.sip2.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.culturecard.sip2.LmsUnavailable.Reason;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.internal.FrameCodec;
import org.culturecard.sip2.internal.Layouts;
import org.culturecard.sip2.internal.Messages;
import org.culturecard.sip2.internal.Replies;
import org.culturecard.sip2.internal.Replies.AcsStatus;
import org.culturecard.sip2.internal.Sip2CodecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to the LMS, shared by every caller, one exchange at a time. It connects on
 * first use: TCP (or TLS), login (93/94) where configured, then SC status (99/98), which many LMSs
 * require before anything else and which tells us the LMS is on-line. Any failure closes the
 * connection (a late reply must never be read as the answer to the next question), and the next
 * call connects and logs in again. When a reused connection turns out to have been closed by the
 * LMS (idle LMS sessions are commonly dropped after some minutes), the call reconnects and asks once
 * more; a failure on a fresh connection is reported.
 *
 * <p>A caller waits for the connection at most as long as one whole exchange may take (connect,
 * login, status, request, each within its timeout); beyond that it gets {@link Reason#BUSY}. The
 * session starts no thread; every socket it opens is closed on failure and on {@link #close()}.
 */
final class Sip2Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sip2Session.class);
    /** We have no printer; the width only matters to LMSs that truncate print lines for us. */
    private static final int PRINT_WIDTH = 40;

    private final ReentrantLock lock = new ReentrantLock();
    private final Sip2Config config;
    private final SSLContext tls;
    private final FrameCodec codec;
    private final long waitMillis;
    private Sip2Link link;
    private AcsStatus lastStatus;
    private volatile boolean closed;

    /** One exchange (or a few) on an open link. */
    @FunctionalInterface
    interface Work<T> {
        T run(Sip2Link link) throws Sip2Failure;
    }

    Sip2Session(Sip2Config config, SSLContext tls, FrameCodec codec) {
        this.config = config;
        this.tls = tls;
        this.codec = codec;
        this.waitMillis = config.connectTimeout().toMillis() + 4 * config.readTimeout().toMillis();
    }

    /** Runs {@code work} on the connection, connecting first where needed, with one retry on a stale connection. */
    <T> T call(Work<T> work) throws Sip2Failure {
        acquire();
        try {
            if (closed) {
                throw Sip2Failure.of(Reason.UNREACHABLE, "the SIP2 client is closed");
            }
            boolean reused = link != null;
            try {
                return work.run(connected());
            } catch (Sip2Failure failure) {
                drop();
                if (!(reused && failure.stale())) {
                    throw failure;
                }
                LOG.info("SIP2: the LMS had closed the idle connection ({}); reconnecting", failure.getMessage());
                return runOnce(work);
            } catch (RuntimeException e) {
                drop();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The ACS status from the last connect. */
    AcsStatus lastStatus() {
        return lastStatus;
    }

    /** Ends the connection; a caller blocked on it gets a failure at once. */
    @Override
    public void close() {
        closed = true;
        Sip2Link open = link;
        if (open != null) {
            open.close();
        }
        if (lock.tryLock()) {
            try {
                drop();
            } finally {
                lock.unlock();
            }
        }
    }

    private <T> T runOnce(Work<T> work) throws Sip2Failure {
        try {
            return work.run(connected());
        } catch (Sip2Failure | RuntimeException e) {
            drop();
            throw e;
        }
    }

    private Sip2Link connected() throws Sip2Failure {
        if (link == null) {
            Sip2Link fresh = Sip2Link.open(config, tls, codec);
            try {
                login(fresh);
                lastStatus = status(fresh);
            } catch (Sip2Failure | RuntimeException e) {
                fresh.close();
                throw e;
            }
            link = fresh;
            LOG.info("SIP2: connected to {}:{} (TLS {}, login {}, checksums {}), LMS speaks SIP {}", config.host(),
                    config.port(), config.tls() ? "on" : "off", config.loginUser() == null ? "none" : "as " + config.loginUser(),
                    config.checksums() ? "on" : "off", lastStatus.protocolVersion());
        }
        return link;
    }

    private void login(Sip2Link fresh) throws Sip2Failure {
        if (config.loginUser() == null) {
            return;
        }
        var reply = fresh.exchange(Messages.login(config.loginUser(), config.loginPassword(), config.locationCode()),
                Layouts.LOGIN_RESPONSE, id -> true);
        try {
            if (!Replies.loginAccepted(reply.frame())) {
                throw Sip2Failure.of(Reason.LOGIN_REFUSED, "the LMS refused the login of " + config.loginUser()
                        + " (check sip2.login.user, sip2.login.password, sip2.login.location)");
            }
        } catch (Sip2CodecException e) {
            throw Sip2Failure.badReply(e);
        }
    }

    /** 99/98 on {@code on}: the LMS's status, failing when it says it is off-line. */
    static AcsStatus status(Sip2Link on) throws Sip2Failure {
        Predicate<String> all = id -> true;
        var reply = on.exchange(Messages.scStatus('0', PRINT_WIDTH, Messages.PROTOCOL_VERSION), Layouts.ACS_STATUS, all);
        try {
            AcsStatus status = Replies.acsStatus(reply.frame());
            if (!status.online()) {
                throw Sip2Failure.of(Reason.LMS_OFFLINE, "the LMS says it is off-line (ACS status on-line: N)");
            }
            return status;
        } catch (Sip2CodecException e) {
            throw Sip2Failure.badReply(e);
        }
    }

    private void acquire() throws Sip2Failure {
        try {
            if (!lock.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                throw Sip2Failure.of(Reason.BUSY, "another request held the LMS connection for more than " + waitMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Sip2Failure.of(Reason.BUSY, "interrupted while waiting for the LMS connection");
        }
    }

    private void drop() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
