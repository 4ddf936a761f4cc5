package org.culturecard.sip2.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.Size;
import org.culturecard.sip2.LmsUnavailable.Reason;

/**
 * Whatever bytes arrive, and whether the peer then closes or goes quiet, reading a reply ends by its
 * deadline with a line or the reader's own failure: never another exception, never a hang.
 */
class LineReaderPropertiesTest {
    private static ServerSocket listener;

    @BeforeContainer
    static void listen() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterContainer
    static void stopListening() throws Exception {
        listener.close();
    }

    @Property(tries = 150)
    void endsWithALineOrItsOwnFailureByTheDeadline(@ForAll @Size(max = 600) byte[] bytes, @ForAll boolean closeAfter)
            throws Exception {
        try (Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
                Socket peer = listener.accept()) {
            OutputStream out = peer.getOutputStream();
            out.write(bytes);
            out.flush();
            if (closeAfter) {
                peer.shutdownOutput();
            }
            LineReader reader = new LineReader(client, client.getInputStream(), 256);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            try {
                int length = reader.readLine(deadline);
                assertThat(length).isBetween(1, 256);
                assertThat(reader.line()[0]).isNotEqualTo((byte) '\n');
            } catch (Sip2Failure failure) {
                assertThat(failure.reason()).isIn(Reason.TIMEOUT, Reason.CONNECTION_DROPPED, Reason.BAD_REPLY);
                assertThat(failure.getMessage()).isNotBlank();
            }
        }
    }
}
