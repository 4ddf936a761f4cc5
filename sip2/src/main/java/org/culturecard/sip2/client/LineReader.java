package org.culturecard.sip2.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.culturecard.sip2.LmsUnavailable.Reason;

/**
 * Reads CR-terminated messages from the LMS, bounded in both length and time: a reply longer than
 * the cap is refused as soon as the cap is passed (nothing more is buffered), and a reply must be
 * complete by its deadline however slowly its bytes drip in (the socket timeout is set to the time
 * left before every read). Empty lines and an LF at the start of a line (from LMSs that end lines
 * with CR LF) are skipped.
 */
final class LineReader {
    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final byte[] line;
    private int position;
    private int limit;

    LineReader(Socket socket, InputStream in, int maxLineLength) {
        this.socket = socket;
        this.in = in;
        this.line = new byte[maxLineLength];
    }

    /** The buffer {@link #readLine(long)} fills; valid up to the length it returns. */
    byte[] line() {
        return line;
    }

    /** Reads one message into {@link #line()} by {@code deadlineNanos} (System.nanoTime), returning its length. */
    int readLine(long deadlineNanos) throws Sip2Failure {
        int length = 0;
        while (true) {
            if (position == limit) {
                fill(deadlineNanos, length);
            }
            byte b = buffer[position++];
            if (b == '\r') {
                if (length > 0) {
                    return length;
                }
            } else if (b != '\n' || length > 0) {
                if (length == line.length) {
                    throw Sip2Failure.of(Reason.BAD_REPLY, "the reply is longer than sip2.max-line-length (" + line.length + " bytes)");
                }
                line[length++] = b;
            }
        }
    }

    /** True when the LMS has sent bytes nobody asked for (a late or doubled reply). */
    boolean hasUnsolicitedBytes() {
        try {
            return position < limit || in.available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Overwrites the last message, which may hold a name or a birth date. */
    void wipe() {
        Arrays.fill(line, (byte) 0);
        Arrays.fill(buffer, (byte) 0);
    }

    private void fill(long deadlineNanos, int lengthSoFar) throws Sip2Failure {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remaining <= 0) {
            throw timeout(lengthSoFar);
        }
        int read;
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
            read = in.read(buffer, 0, buffer.length);
        } catch (SocketTimeoutException e) {
            throw timeout(lengthSoFar);
        } catch (IOException e) {
            throw dropped(lengthSoFar, e.getClass().getSimpleName());
        }
        if (read < 0) {
            throw dropped(lengthSoFar, "end of stream");
        }
        position = 0;
        limit = read;
    }

    private static Sip2Failure timeout(int lengthSoFar) {
        return Sip2Failure.of(Reason.TIMEOUT, "no complete reply within sip2.read-timeout-ms ("
                + lengthSoFar + " bytes of it had arrived)");
    }

    private static Sip2Failure dropped(int lengthSoFar, String how) {
        if (lengthSoFar == 0) {
            return Sip2Failure.stale("the LMS closed the connection before replying (" + how + ")");
        }
        return Sip2Failure.of(Reason.CONNECTION_DROPPED, "the LMS closed the connection in the middle of a reply, after "
                + lengthSoFar + " bytes (" + how + ")");
    }
}
