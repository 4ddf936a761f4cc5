package org.culturecard.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AcsCommandsTest {

    @Test
    void sendsNothingToReadersItDoesNotKnow() {
        assertThat(AcsCommands.forReader("Test Reader 00 00", true)).isEmpty();
        assertThat(AcsCommands.forReader("HID Global OMNIKEY 5022 Smart Card Reader 00 00", false)).isEmpty();
        assertThat(AcsCommands.forReader("Identiv uTrust 3700 F CL Reader 00 00", true)).isEmpty();
    }

    @Test
    void acr122uGetsTheLedAndBuzzerPseudoApdu() {
        assertThat(AcsCommands.forReader("ACS ACR122U PICC Interface 00 00", true))
                .singleElement().extracting(HexFormat.of()::formatHex).isEqualTo("ff0040a804020101" + "01");
        assertThat(AcsCommands.forReader("ACS ACR122U PICC Interface 00 00", false))
                .singleElement().extracting(HexFormat.of()::formatHex).isEqualTo("ff00405404020103" + "01");
    }

    @Test
    void acr1252uGetsAShortBeepForYesAndALongOneForNo() {
        String name = "ACS ACR1252 1S CL Reader [ACR1252 1S CL Reader(1)] 00 00";
        assertThat(AcsCommands.forReader(name, true))
                .singleElement().extracting(HexFormat.of()::formatHex).isEqualTo("e0000028010a");
        assertThat(AcsCommands.forReader(name, false))
                .singleElement().extracting(HexFormat.of()::formatHex).isEqualTo("e000002801" + "32");
    }

    @Test
    void escapeIoctlIsScardCtlCode3500() {
        assertThat(AcsCommands.IOCTL_CCID_ESCAPE).isEqualTo(0x42000DAC);
    }
}
