package org.culturecard.core.wire.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The golden wire files under {@code core/src/test/resources/wire/}: the exact bytes the codec
 * writes for one fixed message of each schema version (ADR 0023). A mismatch fails with the first
 * differing byte and both texts. Regenerating is deliberate only: with
 * {@code -D}{@value #UPDATE_PROPERTY}{@code =true} the file in the source tree is rewritten and the
 * test still fails, so that such a run is never green and the change is reviewed in {@code git diff}.
 * Only core's tests rewrite them: they live in core's sources, and other modules read them from
 * core's test-jar.
 */
public final class GoldenFiles {
    /** The system property that rewrites golden files from the encoder's output. */
    public static final String UPDATE_PROPERTY = "wire.golden.update";
    private static final int CONTEXT = 40;

    private GoldenFiles() {}

    /** The golden file's bytes, read from the test class path ({@code name} relative to {@code wire/}). */
    public static byte[] read(String name) throws IOException {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/wire/" + name)) {
            assertThat(in).as("golden file wire/%s on the test class path", name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Fails, showing where and how, unless {@code encoded} is byte for byte the golden file {@code name}. */
    public static void assertMatches(String name, byte[] encoded) throws IOException {
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Path folder = Path.of(System.getProperty("basedir", "."), "src/test/resources/wire");
            if (!Files.isDirectory(folder)) {
                fail("golden files are rewritten in core only (-pl core -D%s=true), not from %s", UPDATE_PROPERTY, folder);
            }
            Path file = folder.resolve(name);
            Files.write(file, encoded);
            fail("rewrote %s from the encoder (-D%s=true): review it with git diff, then run without the property",
                    file, UPDATE_PROPERTY);
        }
        byte[] golden = read(name);
        int at = Arrays.mismatch(golden, encoded);
        if (at >= 0) {
            assertThat(text(encoded)).as("the encoder's output differs from golden file wire/%s at byte %d:"
                    + "%n  golden:  …%s…%n  encoded: …%s…%nA deliberate change is a wire version bump or a compatible"
                    + " addition (ADR 0023); regenerate with -D%s=true", name, at, around(golden, at),
                    around(encoded, at), UPDATE_PROPERTY).isEqualTo(text(golden));
        }
    }

    private static String around(byte[] bytes, int at) {
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(bytes.length, at + CONTEXT);
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
