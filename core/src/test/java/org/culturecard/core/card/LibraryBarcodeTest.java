package org.culturecard.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link LibraryBarcode} against the shared vectors, and what it never does with a number. */
class LibraryBarcodeTest {

    static Stream<BarcodeVectors.Vector> vectors() {
        return BarcodeVectors.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void normalisesEveryVectorAsTheSharedFileSays(BarcodeVectors.Vector vector) {
        Optional<String> normalised = LibraryBarcode.parse(vector.input()).map(LibraryBarcode::number);

        assertThat(normalised).as(vector.toString()).isEqualTo(vector.expected());
    }

    @Test
    void theVectorsCoverAcceptedRefusedCodabarAndTrimmedInputs() {
        List<BarcodeVectors.Vector> all = BarcodeVectors.all();

        assertThat(all).hasSizeGreaterThan(30);
        assertThat(all).filteredOn(v -> v.expected().isEmpty()).hasSizeGreaterThan(10);
        assertThat(all).filteredOn(v -> v.input().startsWith("A") && v.expected().isPresent()
                && !v.expected().get().startsWith("A")).isNotEmpty();
        assertThat(all).filteredOn(v -> v.input().endsWith("\r\n") && v.expected().isPresent()).isNotEmpty();
    }

    @Test
    void theVectorFileFormatIsReadStrictly() {
        assertThat(BarcodeVectors.parse("# c\n\n\"a\\tb\\u00A0\\\"\",REFUSED,why, with a comma\n"))
                .containsExactly(new BarcodeVectors.Vector("a\tb\u00A0\"", Optional.empty(), "why, with a comma", 3));
        assertThatThrownBy(() -> BarcodeVectors.parse("1234,1234,unquoted")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> BarcodeVectors.parse("\"1234\",1234")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> BarcodeVectors.parse("\"12\\x34\",1234,bad escape")).hasMessageContaining("escape");
    }

    @Property(tries = 500)
    void normalisingIsIdempotent(@ForAll String input) {
        LibraryBarcode.parse(input).ifPresent(once ->
                assertThat(LibraryBarcode.parse(once.number())).contains(once));
    }

    @Property(tries = 500)
    void anythingAcceptedIsFourToThirtyTwoUpperCaseLettersOrDigits(@ForAll String input) {
        LibraryBarcode.parse(input).ifPresent(barcode ->
                assertThat(barcode.number()).matches("[0-9A-Z]{4,32}"));
    }

    @Test
    void neverShowsTheNumber() {
        LibraryBarcode barcode = LibraryBarcode.of("A29384756B");

        assertThat(barcode).hasToString("LibraryBarcode[8 chars]");
        assertThat(barcode.length()).isEqualTo(8);
        assertThatThrownBy(() -> LibraryBarcode.of("2938 4756"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("2938");
    }

    @Test
    void equalNumbersFromDifferentPathsAreEqual() {
        assertThat(LibraryBarcode.of("a29384756b\r\n")).isEqualTo(LibraryBarcode.of(" 29384756 "))
                .hasSameHashCodeAs(LibraryBarcode.of("29384756"));
        assertThat(LibraryBarcode.parse(null)).isEmpty();
    }
}
