package org.culturecard.kiosk.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class BarcodeWedgeTest {
    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final BarcodeWedge wedge = new BarcodeWedge(clock, BarcodeWedge.STANDARD_GAP);

    @Test
    void fastDigitsEndedByEnterAreAScan() {
        assertThat(type("29384756", Duration.ofMillis(8))).isEmpty();
        clock.advance(Duration.ofMillis(8));

        assertThat(number(wedge.typed('\r'))).contains("29384756");
    }

    @Test
    void slowTypingByAPersonIsIgnored() {
        type("29384756", Duration.ofMillis(180));
        clock.advance(Duration.ofMillis(180));

        assertThat(number(wedge.typed('\r'))).isEmpty();
    }

    @Test
    void aScanAfterSlowTypingStillCounts() {
        type("12", Duration.ofMillis(300));
        clock.advance(Duration.ofSeconds(2));
        type("A0042", Duration.ofMillis(5));
        clock.advance(Duration.ofMillis(5));

        assertThat(number(wedge.typed('\n'))).contains("A0042");
    }

    @Test
    void aPauseBeforeEnterTooShortANumberOrAStrayCharacterSpoilsTheScan() {
        type("29384756", Duration.ofMillis(5));
        clock.advance(Duration.ofMillis(400));
        assertThat(number(wedge.typed('\r'))).isEmpty();

        type("123", Duration.ofMillis(5));
        clock.advance(Duration.ofMillis(5));
        assertThat(number(wedge.typed('\r'))).isEmpty();

        type("1234-5678", Duration.ofMillis(5));
        clock.advance(Duration.ofMillis(5));
        assertThat(wedge.typed('\r')).contains(new BarcodeWedge.Scan.Unreadable(9));
    }

    @Test
    void aScannerSendingGarbageGivesAnUnreadableScanThatDoesNotRepeatIt() {
        type("*29384756*", Duration.ofMillis(5));
        clock.advance(Duration.ofMillis(5));
        Optional<BarcodeWedge.Scan> scan = wedge.typed('\r');
        assertThat(scan).contains(new BarcodeWedge.Scan.Unreadable(10));
        assertThat(scan.orElseThrow().toString()).doesNotContain("29384756");

        type("9".repeat(200), Duration.ofMillis(5));
        clock.advance(Duration.ofMillis(5));
        assertThat(wedge.typed('\r')).containsInstanceOf(BarcodeWedge.Scan.Unreadable.class);
    }

    @Test
    void aScannedCodabarNumberIsNormalisedAsEveryPathNormalisesIt() {
        type("a29384756b", Duration.ofMillis(5));
        clock.advance(Duration.ofMillis(5));
        assertThat(number(wedge.typed('\r'))).contains("29384756");
    }

    @Test
    void enterAloneIsNothing() {
        assertThat(number(wedge.typed('\r'))).isEmpty();
    }

    private static Optional<String> number(Optional<BarcodeWedge.Scan> scan) {
        return scan.filter(BarcodeWedge.Scan.Number.class::isInstance)
                .map(found -> ((BarcodeWedge.Scan.Number) found).barcode().number());
    }

    private Optional<BarcodeWedge.Scan> type(String text, Duration gap) {
        Optional<BarcodeWedge.Scan> last = Optional.empty();
        for (char c : text.toCharArray()) {
            clock.advance(gap);
            last = wedge.typed(c);
        }
        return last;
    }
}
