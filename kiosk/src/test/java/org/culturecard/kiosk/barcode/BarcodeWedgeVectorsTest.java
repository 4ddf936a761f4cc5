package org.culturecard.kiosk.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.culturecard.core.card.BarcodeVectors;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scanner typing each of core's shared normalisation vectors (core's test-jar) gives what
 * {@code LibraryBarcode} gives for it: the scanner path normalises exactly as every other path.
 */
class BarcodeWedgeVectorsTest {

    static Stream<BarcodeVectors.Vector> vectors() {
        return BarcodeVectors.all().stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void aScanOfTheVectorGivesItsNormalisedNumberOrNone(BarcodeVectors.Vector vector) {
        MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
        BarcodeWedge wedge = new BarcodeWedge(clock, BarcodeWedge.STANDARD_GAP);
        List<String> numbers = new ArrayList<>();
        for (char c : (vector.input() + "\r").toCharArray()) {
            clock.advance(Duration.ofMillis(5));
            wedge.typed(c).filter(BarcodeWedge.Scan.Number.class::isInstance)
                    .ifPresent(scan -> numbers.add(((BarcodeWedge.Scan.Number) scan).barcode().number()));
        }
        if (vector.expected().isPresent()) {
            assertThat(numbers).as(vector.why()).containsExactly(vector.expected().get());
        } else {
            assertThat(numbers).as(vector.why()).isEmpty();
        }
    }
}
