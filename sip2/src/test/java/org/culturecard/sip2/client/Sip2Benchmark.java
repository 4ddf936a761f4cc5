package org.culturecard.sip2.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.culturecard.sip2.PatronBarcode;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.ValidPatron;
import org.culturecard.testsupport.sip2.Sip2TestPatron;
import org.culturecard.testsupport.sip2.Sip2TestServer;

/**
 * Patron status (23/24) round trips through the real client against the SIP2 test server on
 * loopback, one at a time on the one reused connection, with login and checksums on: p50 / p99 /
 * max after a warm-up. Run by {@code scripts/bench-sip2.sh [rounds] [warm-up]}. The figure is the
 * client's and the loopback's share of an enrolment; a real LMS adds its own lookup time.
 */
public final class Sip2Benchmark {
    private Sip2Benchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        try (Sip2TestServer server = Sip2TestServer.builder().institution("CC").login("bench", "bench").checksums(true)
                        .patron(Sip2TestPatron.valid("29000100000001", "Bench Reader")).start();
                Sip2LibrarySystem client = new Sip2LibrarySystem(Sip2Config.builder(server.host(), server.port())
                        .login("bench", "bench", "BENCH").institution("CC").checksums(true)
                        .readTimeout(Duration.ofSeconds(5)).build(), Clock.systemDefaultZone())) {
            PatronBarcode card = PatronBarcode.of("29000100000001");
            for (int i = 0; i < warmUp; i++) {
                check(client.patronStatus(card));
            }
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                check(client.patronStatus(card));
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "patron status round trip, %d after %d warm-up, %d connection(s): "
                    + "p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", rounds, warmUp, server.connectionsAccepted(),
                    ms(nanos[rounds / 2]), ms(nanos[(int) (rounds * 0.99)]), ms(nanos[rounds - 1]));
        }
    }

    private static void check(Object answer) {
        if (!(answer instanceof ValidPatron)) {
            throw new IllegalStateException("unexpected answer " + answer);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
