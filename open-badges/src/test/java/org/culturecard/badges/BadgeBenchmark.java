package org.culturecard.badges;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.culturecard.badges.keys.SigningKey;
import org.culturecard.badges.status.BitstringStatusList;

/**
 * Signing and verifying one credential, in one thread: {@link BadgeIssuer#issue} (build, canonicalize
 * twice, Ed25519) and {@link BadgeVerifier#verify} (the credential's proof, then its status list
 * credential's proof and the bit), each timed round by round after a warm-up; prints p50, p99 and
 * max, and the load average, since a busy machine moves these figures. Not a test: run it with
 * scripts/bench-badges.sh [rounds] [warmUp].
 */
public final class BadgeBenchmark {
    private BadgeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        IssuerIdentity identity = new IssuerIdentity.DidKey("Culture Card");
        SigningKey key = TestBadges.key("bench");
        BadgeIssuer issuer = new BadgeIssuer(identity, key, TestBadges.STATUS_LIST, TestBadges.ids());
        String statusList = issuer.statusListCredential(BitstringStatusList.empty(), TestBadges.ISSUED_ON);
        BadgeVerifier verifier = new BadgeVerifier(identity, List.of(key.published()), url -> Optional.of(statusList), java.time.Clock.systemUTC());

        long[] sign = new long[rounds];
        long[] verify = new long[rounds];
        for (int i = -warmUp; i < rounds; i++) {
            long start = System.nanoTime();
            String credential = issuer.issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON,
                    Math.floorMod(i, BitstringStatusList.MIN_BITS));
            long signed = System.nanoTime();
            Verification verification = verifier.verify(credential);
            long verified = System.nanoTime();
            if (!(verification instanceof Verification.Verified)) {
                throw new IllegalStateException("did not verify: " + verification);
            }
            if (i >= 0) {
                sign[i] = signed - start;
                verify[i] = verified - signed;
            }
        }
        System.out.printf(Locale.ROOT, "BadgeBenchmark: %d rounds after %d warm-up, JDK %s, %d cores, load average %s%n",
                rounds, warmUp, Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
        print("sign (issue one credential)", sign);
        print("verify (credential + its status list credential)", verify);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-50s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]), ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String loadAverage() throws java.io.IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? String.join(" ", Arrays.copyOf(Files.readString(loadavg).split(" "), 3)) : "unknown";
    }
}
