package org.culturecard.reader.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ACS family's buzzer and LED commands, as the registry picks them by reader name (was AcsCommandsTest). */
class AcsReaderTest {

    private static List<byte[]> forReader(String readerName, boolean success) {
        return ReaderModels.of(readerName).signal(success);
    }

    @Test
    void sendsNothingToReadersItDoesNotKnow() {
        assertThat(forReader("Test Reader 00 00", true)).isEmpty();
        assertThat(forReader("HID Global OMNIKEY 5022 Smart Card Reader 00 00", false)).isEmpty();
        assertThat(forReader("Identiv uTrust 3700 F CL Reader 00 00", true)).isEmpty();
    }

    @Test
    void acr122uGetsTheLedAndBuzzerPseudoApdu() {
        assertThat(forReader("ACS ACR122U PICC Interface 00 00", true))
                .singleElement().extracting(HexFormat.of()::formatHex).isEqualTo("ff0040a804020101" + "01");
        assertThat(forReader("ACS ACR122U PICC Interface 00 00", false))
                .singleElement().extracting(HexFormat.of()::formatHex).isEqualTo("ff00405404020103" + "01");
    }

    @Test
    void acr1252uGetsAShortBeepForYesAndALongOneForNo() {
        String name = "ACS ACR1252 1S CL Reader [ACR1252 1S CL Reader(1)] 00 00";
        assertThat(forReader(name, true))
                .singleElement().extracting(HexFormat.of()::formatHex).isEqualTo("e0000028010a");
        assertThat(forReader(name, false))
                .singleElement().extracting(HexFormat.of()::formatHex).isEqualTo("e000002801" + "32");
    }

    @Test
    void escapeIoctlIsScardCtlCode3500() {
        assertThat(ReaderModel.IOCTL_CCID_ESCAPE).isEqualTo(0x42000DAC);
    }

    @Test
    void eachAcsModelIsRecognisedByTheModelInItsName() {
        assertThat(ReaderModels.of("ACS ACR122U PICC Interface 00 00")).isEqualTo(AcsReader.ACR122U);
        assertThat(ReaderModels.of("ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00")).isEqualTo(AcsReader.ACR1252U);
        assertThat(ReaderModels.of("acs acr122u picc interface 01 00")).isEqualTo(AcsReader.ACR122U);
    }
}
