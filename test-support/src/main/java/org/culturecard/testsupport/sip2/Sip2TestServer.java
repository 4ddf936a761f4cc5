package org.culturecard.testsupport.sip2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A SIP2 library system for tests: a real TCP (or TLS) server on a free loopback port, with a patron
 * table, login required or not, error detection on or off, and switchable misbehaviour (delays,
 * dropped and half-open connections, garbage and other bad replies; see {@link Sip2Fault}). Written
 * from the server side of the 3M SIP2 spec and Evergreen's SIPServer, sharing no class with the
 * client module. One daemon thread accepts; one daemon thread serves each connection.
 *
 * <pre>{@code
 * try (Sip2TestServer lms = Sip2TestServer.builder().patron(Sip2TestPatron.valid("29000123", "Ann Reader")).start()) {
 *     ... connect a client to 127.0.0.1:lms.port() ...
 * }
 * }</pre>
 */
public final class Sip2TestServer implements AutoCloseable {
    private static final Set<String> PATRON_MESSAGES = Set.of("23", "63");

    private final Builder options;
    private final Sip2TestReplies replies;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Sip2TestConnection> open = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final Map<String, Sip2Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Sip2TestPatron> patrons;
    private volatile long delayMillis;
    private volatile boolean online = true;
    private volatile boolean refuseLogins;

    private Sip2TestServer(Builder options) throws IOException {
        this.options = options;
        this.patrons = new ConcurrentHashMap<>(options.patrons);
        this.replies = new Sip2TestReplies(patrons, options.institution, options.delimiter, options.clock);
        this.listener = options.tls == null ? new ServerSocket() : options.tls.getServerSocketFactory().createServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "sip2-test-server-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Misbehave as {@code fault} when answering {@code codes} (default: patron status 23 and patron information 63). */
    public void fault(Sip2Fault fault, String... codes) {
        for (String code : codes.length == 0 ? PATRON_MESSAGES : Set.of(codes)) {
            faults.put(code, fault);
        }
    }

    /** The library changes a patron's record (a card reported lost, a renewed expiry) or adds one, from the next request on. */
    public void update(Sip2TestPatron patron) {
        patrons.put(patron.barcode(), patron);
    }

    /** Wait this long before answering patron status and patron information. */
    public void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** ACS status says off-line (N) while false. */
    public void online(boolean isOnline) {
        online = isOnline;
    }

    /** Answer every login 940 while true. */
    public void refuseLogins(boolean refuse) {
        refuseLogins = refuse;
    }

    /** Closes every open connection, as an LMS does when it restarts or drops idle terminals. */
    public void dropAllConnections() {
        open.forEach(Sip2TestConnection::close);
    }

    /** Every request received so far, as text without its CR (tests only: it holds what the client sent). */
    public List<String> received() {
        return List.copyOf(received);
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Connections the server still holds open (the client has not closed them and the server has not dropped them). */
    public int openConnections() {
        return open.size();
    }

    /** Accepted logins. */
    public int logins() {
        return logins.get();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropAllConnections();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean checksums() {
        return options.checksums;
    }

    char delimiter() {
        return options.delimiter;
    }

    Charset charset() {
        return options.charset;
    }

    boolean loginRequired() {
        return options.loginUser != null;
    }

    boolean online() {
        return online;
    }

    Sip2TestReplies replies() {
        return replies;
    }

    Sip2Fault faultFor(String code) {
        return faults.getOrDefault(code, Sip2Fault.NONE);
    }

    long delayFor(String code) {
        return PATRON_MESSAGES.contains(code) ? delayMillis : 0;
    }

    boolean acceptsLogin(String user, String password) {
        boolean ok = !refuseLogins && (options.loginUser == null
                || options.loginUser.equals(user) && options.loginPassword.equals(password));
        if (ok) {
            logins.incrementAndGet();
        }
        return ok;
    }

    void received(String line) {
        received.add(line);
    }

    void closed(Sip2TestConnection connection) {
        open.remove(connection);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                accepted.incrementAndGet();
                Sip2TestConnection connection = new Sip2TestConnection(this, socket);
                open.add(connection);
                Thread thread = new Thread(connection, "sip2-test-server-" + accepted.get());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                // closed, or one failed accept (a TLS client that gave up): keep serving until closed
            }
        }
    }

    /** Options of a {@link Sip2TestServer}; {@link #start()} binds and starts it. */
    public static final class Builder {
        private final Map<String, Sip2TestPatron> patrons = new ConcurrentHashMap<>();
        private String institution = "CC";
        private String loginUser;
        private String loginPassword;
        private boolean checksums;
        private char delimiter = '|';
        private Charset charset = StandardCharsets.UTF_8;
        private Clock clock = Clock.systemDefaultZone();
        private SSLContext tls;

        private Builder() {
        }

        public Builder patron(Sip2TestPatron patron) {
            patrons.put(patron.barcode(), patron);
            return this;
        }

        public Builder patrons(List<Sip2TestPatron> list) {
            list.forEach(this::patron);
            return this;
        }

        public Builder institution(String id) {
            institution = id;
            return this;
        }

        /** Require login 93 with these credentials before anything but 93 and 99; without it, no login is needed. */
        public Builder login(String user, String password) {
            loginUser = user;
            loginPassword = password;
            return this;
        }

        public Builder checksums(boolean on) {
            checksums = on;
            return this;
        }

        public Builder delimiter(char c) {
            delimiter = c;
            return this;
        }

        public Builder charset(Charset c) {
            charset = c;
            return this;
        }

        /** The clock of transaction dates and of "is this card expired". */
        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /** Speak TLS with this key and certificate (e.g. from {@code TestPki.server("lms")}). */
        public Builder tls(KeyPair keys, X509Certificate certificate) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                char[] secret = "test".toCharArray();
                store.setKeyEntry("lms", keys.getPrivate(), secret, new X509Certificate[] {certificate});
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(store, secret);
                tls = SSLContext.getInstance("TLS");
                tls.init(keyManagers.getKeyManagers(), null, null);
                return this;
            } catch (Exception e) {
                throw new IllegalStateException("cannot set up TLS for the SIP2 test server", e);
            }
        }

        public Sip2TestServer start() {
            try {
                return new Sip2TestServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the SIP2 test server", e);
            }
        }
    }
}
