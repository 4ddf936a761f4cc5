package org.culturecard.testsupport.pcsc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A contactless card on a vpcd virtual reader: a TCP client speaking vpcd's protocol (frames of a
 * 2-byte big-endian length and a payload; a 1-byte payload is a control byte: 0 power off, 1 power
 * on, 2 reset, 4 get ATR; anything longer is an APDU). Connecting is putting the card on the reader,
 * closing is taking it away.
 *
 * <p>pcscd notices a card only at its next poll of vpcd (about every 400 ms): after {@link #remove()},
 * wait for the reader's CardRemoved event before inserting a card on the same reader again. Never
 * test whether vpcd's port is open with a connect of your own: to pcscd that is a card.
 */
public final class VirtualCard implements AutoCloseable {
    /** MIFARE Classic 1K as a PC/SC part 3 reader presents it. */
    public static final byte[] ATR_MIFARE_CLASSIC_1K = CardResponder.hex("3B8F8001804F0CA000000306030001000000006A");
    /** MIFARE Ultralight (and NTAG) as a PC/SC part 3 reader presents it. */
    public static final byte[] ATR_MIFARE_ULTRALIGHT = CardResponder.hex("3B8F8001804F0CA0000003060300030000000068");
    /** MIFARE DESFire (ISO 14443-4 with historical byte 80). */
    public static final byte[] ATR_DESFIRE = CardResponder.hex("3B8180018080");

    private static final Logger LOG = LoggerFactory.getLogger(VirtualCard.class);
    private static final int CTRL_POWER_OFF = 0;
    private static final int CTRL_POWER_ON = 1;
    private static final int CTRL_RESET = 2;
    private static final int CTRL_GET_ATR = 4;

    private final Socket socket;
    private final byte[] atr;
    private final Thread thread;
    private final AtomicInteger apdus = new AtomicInteger();
    private volatile CardResponder responder;

    private VirtualCard(Socket socket, byte[] atr, CardResponder responder) {
        this.socket = socket;
        this.atr = atr.clone();
        this.responder = responder;
        this.thread = new Thread(this::serve, "virtual-card-" + socket.getPort());
        this.thread.setDaemon(true);
    }

    /** Puts a card with this UID and ATR on the reader listening on {@code port}. */
    public static VirtualCard insert(int port, byte[] uid, byte[] atr) {
        return insert(port, atr, CardResponder.uid(uid));
    }

    /** Puts a card on the reader at {@code port} that answers APDUs with {@code responder}. */
    public static VirtualCard insert(int port, byte[] atr, CardResponder responder) {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            VirtualCard card = new VirtualCard(socket, atr, responder);
            card.thread.start();
            return card;
        } catch (IOException e) {
            throw new UncheckedIOException("no vpcd reader on port " + port + " (is pcscd running?)", e);
        }
    }

    /** Changes how the card answers from now on. */
    public void respondWith(CardResponder next) {
        this.responder = next;
    }

    /** How many APDUs the card has answered (or been asked). */
    public int apduCount() {
        return apdus.get();
    }

    public boolean isInserted() {
        return thread.isAlive() && !socket.isClosed();
    }

    /** Takes the card off the reader. Returns when its connection is closed. */
    public void remove() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the virtual card: {}", e.toString());
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        remove();
    }

    private void serve() {
        try (socket) {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            while (!socket.isClosed()) {
                byte[] frame = readFrame(in);
                byte[] answer = answer(frame);
                if (answer == PULLED) {
                    return;
                }
                if (answer != null) {
                    writeFrame(out, answer);
                }
            }
        } catch (EOFException e) {
            LOG.debug("vpcd closed the connection");
        } catch (IOException e) {
            LOG.debug("virtual card connection ended: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final byte[] PULLED = new byte[0];

    /** The answer to a frame, null for none, {@link #PULLED} to leave the reader. */
    private byte[] answer(byte[] frame) throws InterruptedException {
        if (frame.length == 1) {
            switch (frame[0]) {
                case CTRL_GET_ATR:
                    return atr.clone();
                case CTRL_POWER_OFF:
                case CTRL_POWER_ON:
                case CTRL_RESET:
                default:
                    return null;
            }
        }
        apdus.incrementAndGet();
        byte[] response = responder.respond(frame);
        return response == null ? PULLED : response;
    }

    private byte[] readFrame(DataInputStream in) throws IOException {
        socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        int length = in.readUnsignedShort();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** One write per frame: a split write waits for the peer's delayed ACK. */
    private static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

}
