package org.culturecard.provisioning.doctor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.culturecard.mqttlink.tls.PemTls;

/**
 * Checks that the broker accepts a kiosk: a TLS handshake with the kiosk's client certificate
 * (verifying the broker's certificate and host name against the scheme CA), then a hand-made
 * MQTT 5 CONNECT, returning the CONNACK's reason code. Hand-made so that provisioning needs no
 * MQTT client library; the packets are a few bytes and written out field by field below.
 */
public final class MqttProbe {
    /** CONNACK reason code for success. */
    public static final int SUCCESS = 0;

    private final SSLContext context;
    private final Duration timeout;

    public MqttProbe(X509Certificate ca, X509Certificate clientCert, PrivateKey clientKey, Duration timeout)
            throws GeneralSecurityException, IOException {
        this.context = PemTls.context(ca, clientCert, clientKey);
        this.timeout = timeout;
    }

    /** Connects as {@code clientId}, returns the CONNACK reason code, and disconnects. */
    public int connect(String host, int port, String clientId) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(connectPacket(clientId, 30));
            out.flush();
            int reason = readConnAckReason(socket.getInputStream());
            if (reason == SUCCESS) {
                out.write(new byte[] {(byte) 0xE0, 0x00}); // DISCONNECT, normal disconnection
                out.flush();
            }
            return reason;
        }
    }

    /** An MQTT 5 CONNECT: clean start, no properties, no will, no user name or password. */
    static byte[] connectPacket(String clientId, int keepAliveSeconds) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x00, 0x04, 'M', 'Q', 'T', 'T'}); // protocol name
        body.write(5);                                                 // protocol version 5
        body.write(0x02);                                              // connect flags: clean start
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xFF);
        body.write(0x00);                                              // properties length 0
        body.write(id.length >> 8);                                    // payload: client id
        body.write(id.length & 0xFF);
        body.writeBytes(id);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);                                            // CONNECT
        writeVarInt(packet, body.size());
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    /** Reads a CONNACK and returns its reason code. */
    static int readConnAckReason(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int type = in.readUnsignedByte();
        if (type >> 4 != 2) {
            throw new IOException("expected CONNACK, got packet type " + (type >> 4));
        }
        int length = readVarInt(in);
        if (length < 2) {
            throw new IOException("CONNACK too short: " + length);
        }
        in.readUnsignedByte(); // acknowledge flags
        int reason = in.readUnsignedByte();
        in.skipNBytes(length - 2);
        return reason;
    }

    /** A readable name for a CONNACK reason code. */
    public static String describe(int reason) {
        return switch (reason) {
            case 0x00 -> "success";
            case 0x80 -> "unspecified error";
            case 0x84 -> "unsupported protocol version";
            case 0x85 -> "client identifier not valid";
            case 0x86 -> "bad user name or password";
            case 0x87 -> "not authorized";
            case 0x88 -> "server unavailable";
            case 0x89 -> "server busy";
            case 0x8A -> "banned";
            default -> String.format("reason code 0x%02X", reason);
        };
    }

    private static void writeVarInt(ByteArrayOutputStream out, int value) {
        int rest = value;
        do {
            int digit = rest % 128;
            rest /= 128;
            out.write(rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = 0;
        int multiplier = 1;
        for (int i = 0; i < 4; i++) {
            int digit = in.readUnsignedByte();
            value += (digit & 0x7F) * multiplier;
            if ((digit & 0x80) == 0) {
                return value;
            }
            multiplier *= 128;
        }
        throw new IOException("malformed remaining length");
    }
}
