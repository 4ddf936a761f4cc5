package org.culturecard.reader;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * An in-memory pcscd for unit tests of the adapter's logic (the ITs use the real pcscd with vpcd):
 * it establishes contexts ({@link #get}) while "running", readers by name, a card with an ATR that
 * answers GET DATA with its UID, and a log of the control commands sent. A context established
 * before a {@link #stop} stays dead, as after a real pcscd restart.
 */
final class FakePcsc implements Supplier<CardTerminals> {
    /** A control command a reader received: the reader, the control code, the bytes in hex. */
    record Control(String reader, int code, String hex) {}

    private final Map<String, byte[][]> cards = new ConcurrentHashMap<>();
    private final List<String> readers = new CopyOnWriteArrayList<>();
    private final List<Control> controls = new CopyOnWriteArrayList<>();
    private final AtomicInteger established = new AtomicInteger();
    private final AtomicInteger controlFailures = new AtomicInteger();
    private volatile int generation;
    private volatile boolean running = true;
    private volatile boolean controlFails;

    @Override
    public CardTerminals get() {
        if (!running) {
            throw new IllegalStateException("JnaPCSCException: SCARD_E_NO_SERVICE");
        }
        established.incrementAndGet();
        return new Terminals(generation);
    }

    FakePcsc attach(String reader) {
        readers.add(reader);
        return this;
    }

    void insert(String reader, byte[] uid, byte[] atr) {
        cards.put(reader, new byte[][] {uid, atr});
    }

    void remove(String reader) {
        cards.remove(reader);
    }

    /** pcscd stops: every context dies, and none can be established until {@link #start}. */
    void stop() {
        running = false;
        generation++;
    }

    void start() {
        running = true;
    }

    void failControlCommands(boolean fail) {
        controlFails = fail;
    }

    int contextsEstablished() {
        return established.get();
    }

    int controlFailures() {
        return controlFailures.get();
    }

    List<Control> controls() {
        return List.copyOf(controls);
    }

    private final class Terminals extends CardTerminals {
        private final int bornIn;

        Terminals(int bornIn) {
            this.bornIn = bornIn;
        }

        private void checkAlive() throws CardException {
            if (bornIn != generation) {
                throw new CardException("SCardGetStatusChange got response 0x80100017 (SCARD_E_READER_UNAVAILABLE)");
            }
        }

        @Override
        public List<CardTerminal> list(State state) throws CardException {
            checkAlive();
            List<CardTerminal> listed = new ArrayList<>();
            for (String name : readers) {
                boolean withCard = cards.containsKey(name);
                if (state == State.ALL || (state == State.CARD_PRESENT && withCard)) {
                    listed.add(new Terminal(name, this));
                }
            }
            return listed;
        }

        @Override
        public boolean waitForChange(long timeout) throws CardException {
            checkAlive();
            try {
                Thread.sleep(Math.max(1, timeout));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private final class Terminal extends CardTerminal {
        private final String name;
        private final Terminals context;

        Terminal(String name, Terminals context) {
            this.name = name;
            this.context = context;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Card connect(String protocol) throws CardException {
            context.checkAlive();
            byte[][] card = cards.get(name);
            if (card == null && !protocol.equals("DIRECT")) {
                throw new CardException("SCardConnect got response 0x8010000c (SCARD_E_NO_SMARTCARD)");
            }
            return new FakeCard(name, card == null ? new byte[] {0x3B, 0x00} : card[1], card == null ? null : card[0]);
        }

        @Override
        public boolean isCardPresent() {
            return cards.containsKey(name);
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            throw new UnsupportedOperationException();
        }
    }

    private final class FakeCard extends Card {
        private final String reader;
        private final byte[] atr;
        private final byte[] uid;

        FakeCard(String reader, byte[] atr, byte[] uid) {
            this.reader = reader;
            this.atr = atr;
            this.uid = uid;
        }

        @Override
        public ATR getATR() {
            return new ATR(atr);
        }

        @Override
        public String getProtocol() {
            return "T=1";
        }

        @Override
        public CardChannel getBasicChannel() {
            return new Channel(this, uid);
        }

        @Override
        public CardChannel openLogicalChannel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginExclusive() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void endExclusive() {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
            if (controlFails) {
                controlFailures.incrementAndGet();
                throw new CardException("SCardControl got response 0x80100016 (SCARD_E_NOT_TRANSACTED)");
            }
            controls.add(new Control(reader, controlCode, HexFormat.of().formatHex(command)));
            return new byte[] {(byte) 0x90, 0x00};
        }

        @Override
        public void disconnect(boolean reset) {
            // nothing held
        }
    }

    /** Answers GET DATA ({@code FF CA 00 00}) with the card's UID, anything else with 6D00. */
    static final class Channel extends CardChannel {
        private final Card card;
        private final byte[] uid;

        Channel(Card card, byte[] uid) {
            this.card = card;
            this.uid = uid;
        }

        @Override
        public Card getCard() {
            return card;
        }

        @Override
        public int getChannelNumber() {
            return 0;
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) {
            boolean getData = command.getCLA() == 0xFF && command.getINS() == 0xCA && command.getP1() == 0 && command.getP2() == 0;
            if (!getData || uid == null) {
                return new ResponseAPDU(new byte[] {0x6D, 0x00});
            }
            return new ResponseAPDU(ByteBuffer.allocate(uid.length + 2).put(uid).put((byte) 0x90).put((byte) 0x00).array());
        }

        @Override
        public int transmit(ByteBuffer command, ByteBuffer response) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            // the basic channel is never closed
        }
    }
}
