package org.culturecard.provisioning.broker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A bare MQTT 5 client over TLS for tests that must send what Paho refuses to (a packet over the
 * broker's advertised maximum): CONNECT, a QoS 0 PUBLISH, and the broker's reaction.
 */
final class RawMqtt implements AutoCloseable {
    /** The broker closed the connection without a DISCONNECT packet. */
    static final int CLOSED = -1;
    /** DISCONNECT reason code "packet too large" (MQTT 5, 3.14.2.1). */
    static final int PACKET_TOO_LARGE = 0x95;

    private final SSLSocket socket;

    private RawMqtt(SSLSocket socket) {
        this.socket = socket;
    }

    static RawMqtt connect(SSLContext tls, int port, String clientId) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        RawMqtt client = new RawMqtt(socket);
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x00, 0x04, 'M', 'Q', 'T', 'T', 5, 0x02, 0x00, 30, 0x00});
        body.write(id.length >> 8);
        body.write(id.length & 0xFF);
        body.writeBytes(id);
        client.send(0x10, body.toByteArray());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        if (in.readUnsignedByte() >> 4 != 2) {
            throw new IOException("expected CONNACK");
        }
        byte[] connack = new byte[readVarInt(in)];
        in.readFully(connack);
        if (connack[1] != 0) {
            throw new IOException("CONNACK reason " + (connack[1] & 0xFF));
        }
        return client;
    }

    void publishQos0(String topic, byte[] payload) throws IOException {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(name.length >> 8);
        body.write(name.length & 0xFF);
        body.writeBytes(name);
        body.write(0x00); // no properties
        body.writeBytes(payload);
        try {
            send(0x30, body.toByteArray());
        } catch (IOException e) {
            // the broker may close the connection while the packet is still being written
        }
    }

    /** Waits for the broker to end the connection: a DISCONNECT's reason code, or {@link #CLOSED}. */
    int awaitDisconnect() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int type;
        try {
            type = in.read();
        } catch (SocketTimeoutException e) {
            throw new IOException("the broker kept the connection open", e);
        } catch (IOException e) {
            return CLOSED; // reset by the broker
        }
        if (type == -1) {
            return CLOSED;
        }
        if (type >> 4 != 14) {
            throw new IOException("expected DISCONNECT or the connection closed, got packet type " + (type >> 4));
        }
        return readVarInt(in) == 0 ? 0 : in.readUnsignedByte();
    }

    private void send(int type, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(type);
        int rest = body.length;
        do {
            int digit = rest % 128;
            rest /= 128;
            packet.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        packet.writeBytes(body);
        OutputStream out = socket.getOutputStream();
        out.write(packet.toByteArray());
        out.flush();
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int i = 0, multiplier = 1; i < 4; i++, multiplier *= 128) {
            int digit = in.readUnsignedByte();
            value += (digit & 0x7F) * multiplier;
            if ((digit & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
