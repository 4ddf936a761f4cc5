package org.culturecard.testsupport.sip2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;

/**
 * One client connection of the test server: reads CR-terminated requests, checks their checksum
 * when error detection is on (answering 96 to a bad one, as the spec's ACS does), answers 97 with
 * the last reply, and otherwise answers each request, misbehaving as the current fault says.
 */
final class Sip2TestConnection implements Runnable {
    private static final int MAX_REQUEST = 65_536;

    private final Sip2TestServer server;
    private final Socket socket;
    private final Random random = new Random(13);
    private boolean loggedIn;
    private boolean silenced;
    private boolean faultedOnce;
    private String lastReply;

    Sip2TestConnection(Sip2TestServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    @Override
    public void run() {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = readLine(in)) != null) {
                if (!silenced && !answer(line, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or the server is closing: either ends this connection
        } finally {
            server.closed(this);
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Answers one request; false when the connection must end. */
    private boolean answer(String line, OutputStream out) throws IOException {
        server.received(line);
        String sequence = null;
        String body = line;
        if (server.checksums()) {
            if (!Sip2TestChecksum.verifies(line, server.charset())) {
                send(out, "96", null);
                return true;
            }
            int az = line.length() - 6;
            boolean hasSequence = az >= 3 && line.startsWith("AY", az - 3);
            sequence = hasSequence ? line.substring(az - 1, az) : null;
            body = line.substring(0, hasSequence ? az - 3 : az);
        }
        Sip2TestReplies.Request request = server.replies().parse(body);
        if (request == null) {
            return true; // an unknown message is ignored, as Evergreen does
        }
        if (request.code().equals("97")) {
            sendRaw(out, lastReply == null ? withTrailer("96", null) : lastReply);
            return true;
        }
        if (!loggedIn && server.loginRequired() && !request.code().equals("93") && !request.code().equals("99")) {
            return false; // this LMS drops a terminal that has not logged in
        }
        String reply = reply(request);
        return reply == null || deliver(out, request.code(), reply, sequence);
    }

    private String reply(Sip2TestReplies.Request request) {
        Sip2TestReplies replies = server.replies();
        return switch (request.code()) {
            case "93" -> {
                loggedIn = server.acceptsLogin(request.field("CN"), request.field("CO"));
                yield replies.login(loggedIn);
            }
            case "99" -> replies.acsStatus(server.online(), true);
            case "23" -> replies.patronStatus(request);
            case "63" -> replies.patronInformation(request);
            case "35" -> replies.endSession(request);
            default -> null;
        };
    }

    /** Sends {@code reply}, or what the current fault makes of it; false when the connection must end. */
    private boolean deliver(OutputStream out, String code, String reply, String sequence) throws IOException {
        Sip2Fault fault = server.faultFor(code);
        pause(server.delayFor(code));
        switch (fault) {
            case NEVER_REPLY -> silenced = true;
            case DROP_BEFORE_REPLY -> {
                return false;
            }
            case DROP_MID_REPLY -> {
                byte[] whole = withTrailer(reply, sequence).getBytes(server.charset());
                out.write(Arrays.copyOf(whole, whole.length / 2));
                out.flush();
                return false;
            }
            case GARBAGE -> sendRaw(out, garbage());
            case BAD_CHECKSUM -> lastReply = sendBadChecksum(out, reply, sequence);
            case BAD_CHECKSUM_ONCE, ASK_RESEND_ONCE -> once(out, fault, reply, sequence);
            case DOUBLE_REPLY -> {
                send(out, reply, sequence);
                send(out, reply, sequence);
            }
            case WRONG_SEQUENCE -> send(out, reply, sequence == null ? "9" : String.valueOf((Integer.parseInt(sequence) + 1) % 10));
            default -> send(out, altered(fault, reply), sequence);
        }
        return true;
    }

    /** The reply as a fault that only changes its text makes it. */
    private String altered(Sip2Fault fault, String reply) {
        String delimiter = java.util.regex.Pattern.quote(String.valueOf(server.delimiter()));
        return switch (fault) {
            case OTHER_PATRON -> reply.replaceFirst("AA[^" + delimiter + "]*", "AAsomeone-else");
            case WRONG_MESSAGE_TYPE -> (reply.startsWith("24") ? "64" : "24") + reply.substring(2);
            case MALFORMED -> reply.substring(0, 6);
            case OVERLONG_REPLY -> reply + "AF" + "x".repeat(100_000) + server.delimiter();
            default -> reply;
        };
    }

    /** The first time: a bad checksum (then a good resend on 97) or a 96; afterwards the reply itself. */
    private void once(OutputStream out, Sip2Fault fault, String reply, String sequence) throws IOException {
        if (faultedOnce) {
            send(out, reply, sequence);
            return;
        }
        faultedOnce = true;
        if (fault == Sip2Fault.ASK_RESEND_ONCE) {
            send(out, "96", null);
        } else {
            sendBadChecksum(out, reply, sequence);
            lastReply = withTrailer(reply, sequence);
        }
    }

    private void send(OutputStream out, String reply, String sequence) throws IOException {
        lastReply = withTrailer(reply, sequence);
        sendRaw(out, lastReply);
    }

    /** Sends {@code reply} with a checksum one off, and returns what it sent. */
    private String sendBadChecksum(OutputStream out, String reply, String sequence) throws IOException {
        String good = withTrailer(reply, sequence);
        String sum = good.substring(good.length() - 4);
        String bad = good.substring(0, good.length() - 4) + String.format("%04X", (Integer.parseInt(sum, 16) + 1) & 0xFFFF);
        sendRaw(out, bad);
        return bad;
    }

    private String withTrailer(String reply, String sequence) {
        if (!server.checksums()) {
            return reply;
        }
        String head = reply + (sequence == null ? "" : "AY" + sequence) + "AZ";
        return head + Sip2TestChecksum.of(head.getBytes(server.charset()));
    }

    private void sendRaw(OutputStream out, String message) throws IOException {
        out.write((message + "\r").getBytes(server.charset()));
        out.flush();
    }

    private String garbage() {
        byte[] bytes = new byte[40 + random.nextInt(200)];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r') {
                bytes[i] = '?';
            }
        }
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\r') {
                return line.toString(server.charset());
            }
            if ((b != '\n' || line.size() > 0) && line.size() < MAX_REQUEST) {
                line.write(b);
            }
        }
        return null;
    }
}
