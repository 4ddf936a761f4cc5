package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.culturecard.core.wire.golden.GoldenFiles;
import org.culturecard.core.wire.golden.WireGoldens;
import org.culturecard.core.wire.golden.WireGoldens.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire contract (ADR 0023): for every message schema and version the codec writes, one fixed
 * message encodes to exactly the bytes of its golden file, and the golden file decodes back to an
 * equal message. Byte for byte, not JSON-tree equal: the codec's output is fully determined (record
 * components in declaration order, map entries sorted by key), and a kiosk's outbox stores these bytes.
 * The files and their messages are listed in {@link WireGoldens}, which the sync agent's and
 * central's tests read too.
 */
class WireGoldenTest {

    static Stream<Golden> goldens() {
        return WireGoldens.all().stream();
    }

    private final WireCodec codec = new WireCodec();

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void encodesTheFixedMessageToExactlyTheBytesOfItsGoldenFile(Golden golden) throws Exception {
        GoldenFiles.assertMatches(golden.file(), codec.encode(golden.message()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void decodesTheGoldenFileBackToAnEqualMessage(Golden golden) throws Exception {
        Object decoded = codec.decode(GoldenFiles.read(golden.file()), golden.message().getClass());

        assertThat(decoded).isEqualTo(golden.message());
    }

    @Test
    void everySchemaVersionTheCodecKnowsHasAGoldenFile() throws Exception {
        List<String> expected = schemaFiles();

        assertThat(expected).isNotEmpty();
        assertThat(goldens().map(Golden::file)).containsAll(expected);
    }

    /** {@code checkin-batch.v1.json} and so on: the golden file's name of every {@link Schemas} constant. */
    static List<String> schemaFiles() throws IllegalAccessException {
        List<String> files = new ArrayList<>();
        for (Field field : Schemas.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String schema = (String) field.get(null);
                files.add(schema.substring("culturecard.".length()) + ".json");
            }
        }
        return files;
    }
}
