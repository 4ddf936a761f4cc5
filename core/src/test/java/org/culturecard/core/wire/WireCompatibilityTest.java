package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.culturecard.core.wire.golden.GoldenFiles;
import org.culturecard.core.wire.golden.WireGoldens;
import org.culturecard.core.wire.golden.WireGoldens.Direction;
import org.culturecard.core.wire.golden.WireGoldens.Future;
import org.culturecard.core.wire.golden.WireGoldens.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upgrade compatibility rule on the wire (ADR 0024), against the future files: a kiosk ignores
 * fields it does not know in every message central sends down, so central may add an optional field
 * before every kiosk is upgraded; central reads what kiosks send up strictly, and learns a new
 * version before any kiosk sends it. The sync agent's and central's tests run the same files
 * through their own reading paths.
 */
class WireCompatibilityTest {
    private final WireCodec codec = new WireCodec();

    static Stream<Future> down() {
        return WireGoldens.futures().stream().filter(f -> f.original().direction() == Direction.DOWN);
    }

    static Stream<Future> up() {
        return WireGoldens.futures().stream().filter(f -> f.original().direction() == Direction.UP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("down")
    void aKioskReadsAMessageFromALaterCentralAsTheMessageItKnowsIgnoringTheNewFields(Future future) throws Exception {
        Object decoded = codec.decode(future.bytes(), future.original().message().getClass());

        assertThat(decoded).isEqualTo(future.original().message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("up")
    void centralRefusesAFieldItDoesNotKnowInWhatAKioskSendsUpNamingIt(Future future) {
        assertThatThrownBy(() -> codec.decode(future.bytes(), future.original().message().getClass()))
                .isInstanceOf(WireFormatException.class)
                .satisfies(e -> assertThat(future.unknownFields()).anyMatch(e.getMessage()::contains));
    }

    @Test
    void everyMessageAKioskReadsIsReadLenientlyAndEveryMessageCentralReadsStrictly() {
        assertThat(WireCodec.FORWARD_COMPATIBLE).as("the message types central sends down")
                .isEqualTo(typesGoing(Direction.DOWN));
        assertThat(typesGoing(Direction.UP)).as("what kiosks send up is read strictly")
                .doesNotContainAnyElementsOf(WireCodec.FORWARD_COMPATIBLE);
    }

    @Test
    void everySchemaVersionHasAFutureFile() throws Exception {
        Set<String> covered = WireGoldens.futures().stream().map(f -> f.original().file()).collect(Collectors.toSet());

        assertThat(covered).containsAll(WireGoldenTest.schemaFiles());
    }

    @Test
    void eachFutureFileAddsExactlyTheFieldsItNamesToItsGoldenFile() throws Exception {
        for (Future future : WireGoldens.futures()) {
            String text = GoldenFiles.text(future.bytes());
            String original = GoldenFiles.text(future.original().bytes());
            String stripped = text;
            for (String field : future.unknownFields()) {
                assertThat(original).as(future.file()).doesNotContain("\"" + field + "\":");
                assertThat(text).as(future.file()).contains("\"" + field + "\":");
                stripped = stripped.replaceAll(",?\"" + field + "\":(\\{[^}]*\\}|\"[^\"]*\"|[0-9]+),?", ",");
            }
            assertThat(stripped.replace("{,", "{").replace(",}", "}"))
                    .as("%s without its unknown fields", future.file()).isEqualTo(original);
        }
    }

    private static Set<Class<?>> typesGoing(Direction direction) {
        return WireGoldens.all().stream().filter(g -> g.direction() == direction).map(Golden::message)
                .map(Object::getClass).collect(Collectors.toSet());
    }
}
