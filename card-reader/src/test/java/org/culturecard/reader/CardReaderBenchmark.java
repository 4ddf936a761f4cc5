package org.culturecard.reader;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.culturecard.reader.ReaderEvent.CardPresented;
import org.culturecard.reader.ReaderEvent.CardRemoved;
import org.culturecard.reader.ReaderEvent.ReaderAttached;
import org.culturecard.testsupport.pcsc.PcscdServer;
import org.culturecard.testsupport.pcsc.VirtualCard;

/**
 * Taps a virtual card N times (default 200) on the real pcscd + vpcd reader and prints, per tap:
 * (a) the PC/SC status change seen by the monitor thread to the CardPresented event; (b) of that,
 * the time spent inside PC/SC calls (SCardConnect and the UID exchange: pcscd, vpcd and the virtual
 * card answering over its socket); (c) our own part, (a) minus (b): the hand-over to the reader's
 * read thread (shown on its own: it is the operating system waking that thread), ATR
 * classification, debounce and emitting the event; and (d) the whole way, from the
 * card connecting to vpcd to the event, which pcscd's polling of vpcd (~400 ms) dominates.
 * Not a test: run it with scripts/bench-card-reader.sh.
 */
public final class CardReaderBenchmark {

    private CardReaderBenchmark() {}

    public static void main(String[] args) throws Exception {
        int taps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long[] statusToEvent = new long[taps];
        long[] inPcsc = new long[taps];
        long[] ours = new long[taps];
        long[] handOver = new long[taps];
        long[] whole = new long[taps];
        BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();
        long[] lastProbe = new long[4];

        try (PcscdServer pcscd = PcscdServer.inTempDir()) {
            pcscd.start();
            PcscCardReader reader = new PcscCardReader(Clock.systemUTC(),
                    PcscCardReader.Options.defaults().withDebounceWindow(Duration.ZERO));
            reader.setLatencyProbe((seen, started, pcsc, emitted) -> {
                synchronized (lastProbe) {
                    lastProbe[0] = seen;
                    lastProbe[1] = pcsc;
                    lastProbe[2] = emitted;
                    lastProbe[3] = started;
                }
            });
            reader.start(events::add);
            awaitEvent(events, ReaderAttached.class);
            for (int i = 0; i < taps; i++) {
                byte[] uid = ByteBuffer.allocate(7).put((byte) 0x04).putInt(i).put((byte) 0x5A).put((byte) 0xA5).array();
                long inserted = System.nanoTime();
                VirtualCard card = VirtualCard.insert(PcscdServer.PORT_READER_0, uid, VirtualCard.ATR_MIFARE_CLASSIC_1K);
                awaitEvent(events, CardPresented.class);
                long received = System.nanoTime();
                synchronized (lastProbe) {
                    statusToEvent[i] = lastProbe[2] - lastProbe[0];
                    inPcsc[i] = lastProbe[1];
                    ours[i] = statusToEvent[i] - inPcsc[i];
                    handOver[i] = lastProbe[3] - lastProbe[0];
                }
                whole[i] = received - inserted;
                card.remove();
                awaitEvent(events, CardRemoved.class);
            }
            reader.close();
        }
        print("status change -> CardPresented", statusToEvent);
        print("  of which inside PC/SC calls (pcscd, vpcd, card)", inPcsc);
        print("  ours: the rest (hand-over, classify, emit)", ours);
        print("    of which the hand-over to the read thread", handOver);
        print("whole: card inserted into vpcd -> CardPresented", whole);
    }

    private static void awaitEvent(BlockingQueue<ReaderEvent> events, Class<? extends ReaderEvent> type) throws InterruptedException {
        while (true) {
            ReaderEvent event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new IllegalStateException("no " + type.getSimpleName() + " within 10 s");
            }
            if (type.isInstance(event)) {
                return;
            }
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-52s n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", what, sorted.length,
                ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
