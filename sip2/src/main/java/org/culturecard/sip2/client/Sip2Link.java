package org.culturecard.sip2.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.OptionalInt;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.culturecard.sip2.LmsUnavailable.Reason;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.internal.Frame;
import org.culturecard.sip2.internal.FrameCodec;
import org.culturecard.sip2.internal.Layouts;
import org.culturecard.sip2.internal.Messages;
import org.culturecard.sip2.internal.Received;
import org.culturecard.sip2.internal.Sip2CodecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open TCP (or TLS) connection to the LMS and the request/reply rhythm on it: a sequence number
 * per request (0 to 9, then round again), one reply per request, and the spec's two resend
 * requests: a reply with a bad checksum is asked for again once (97), and an LMS that asks for our
 * request again (96) gets it once. Not thread-safe: {@link Sip2Session} holds it under its lock.
 * Any failure leaves it unusable; the session then closes it.
 */
final class Sip2Link implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sip2Link.class);
    private final Socket socket;
    private final OutputStream out;
    private final LineReader reader;
    private final FrameCodec codec;
    private final long readTimeoutNanos;
    private int sequence;

    private Sip2Link(Socket socket, FrameCodec codec, Sip2Config config) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new LineReader(socket, socket.getInputStream(), config.maxLineLength());
        this.codec = codec;
        this.readTimeoutNanos = config.readTimeout().toNanos();
    }

    /** Connects (and for TLS, completes the handshake, verifying the host name) within the connect timeout. */
    static Sip2Link open(Sip2Config config, SSLContext tls, FrameCodec codec) throws Sip2Failure {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            Socket open = tls == null ? socket : handshake(socket, config, tls);
            return new Sip2Link(open, codec, config);
        } catch (SSLException e) {
            close(socket);
            throw Sip2Failure.of(Reason.TLS_FAILED, "TLS with " + where(config) + " failed: " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            close(socket);
            throw Sip2Failure.of(Reason.UNREACHABLE, "no connection to " + where(config) + " within sip2.connect-timeout-ms", e);
        } catch (IOException | RuntimeException e) {
            close(socket);
            throw Sip2Failure.of(Reason.UNREACHABLE, "cannot connect to " + where(config) + ": " + e, e);
        }
    }

    /** Sends {@code request} and returns the reply, which must have code {@code expected}; keeps only the fields {@code keep} accepts. */
    Received exchange(Frame request, String expected, Predicate<String> keep) throws Sip2Failure {
        if (reader.hasUnsolicitedBytes()) {
            throw Sip2Failure.stale("the LMS sent bytes nobody asked for; the connection is out of step");
        }
        int sent = sequence;
        sequence = (sequence + 1) % 10;
        byte[] bytes = codec.encode(request, OptionalInt.of(sent));
        long deadline = System.nanoTime() + readTimeoutNanos;
        write(bytes);
        LOG.debug("SIP2 sent {}", request.shape());
        Received reply = read(deadline, keep);
        if (reply.frame().code().equals(Layouts.REQUEST_SC_RESEND)) {
            LOG.info("SIP2: the LMS asked for message {} again (96); sending it once more", request.code());
            write(bytes);
            reply = read(deadline, keep);
        }
        LOG.debug("SIP2 received {}", reply.frame().shape());
        if (codec.errorDetection() && reply.sequence().isPresent() && reply.sequence().getAsInt() != sent) {
            throw Sip2Failure.of(Reason.BAD_REPLY, "the reply's sequence number (AY" + reply.sequence().getAsInt()
                    + ") is not the request's (AY" + sent + ")");
        }
        if (!reply.frame().code().equals(expected)) {
            throw Sip2Failure.of(Reason.BAD_REPLY, "expected a " + expected + " reply to " + request.code()
                    + ", got a " + reply.frame().code());
        }
        return reply;
    }

    @Override
    public void close() {
        reader.wipe();
        close(socket);
    }

    private Received read(long deadline, Predicate<String> keep) throws Sip2Failure {
        try {
            return decode(reader.readLine(deadline), keep);
        } catch (Sip2CodecException e) {
            if (!e.isChecksumMismatch()) {
                throw Sip2Failure.badReply(e);
            }
            LOG.info("SIP2: a reply's checksum did not match; asking the LMS to send it again (97)");
            write(codec.encode(Messages.requestAcsResend(), OptionalInt.empty()));
            try {
                return decode(reader.readLine(deadline), keep);
            } catch (Sip2CodecException again) {
                throw Sip2Failure.badReply(again);
            }
        }
    }

    private Received decode(int length, Predicate<String> keep) throws Sip2CodecException {
        return codec.decode(reader.line(), length, keep);
    }

    private void write(byte[] bytes) throws Sip2Failure {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw Sip2Failure.stale("cannot write to the LMS (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Socket handshake(Socket plain, Sip2Config config, SSLContext tls) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, config.host(), config.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setSoTimeout((int) config.connectTimeout().toMillis());
        socket.startHandshake();
        return socket;
    }

    private static String where(Sip2Config config) {
        return config.host() + ":" + config.port();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the LMS socket: {}", e.toString());
        }
    }
}
