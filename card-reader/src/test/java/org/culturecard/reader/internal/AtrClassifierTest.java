package org.culturecard.reader.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.culturecard.core.card.CardKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real ATRs from pcsc-tools' /usr/share/pcsc/smartcard_list.txt, with the kind each must get. Four
 * rows fill in the list's PC/SC part 3 patterns ({@code .. 00 26 ..}) with standard byte 03
 * (ISO 14443 A part 3) and the matching TCK, as a reader would present them.
 */
class AtrClassifierTest {

    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A | MIFARE_CLASSIC_1K | NXP MIFARE Classic 1K
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 02 00 00 00 00 69 | MIFARE_CLASSIC_4K | NXP Mifare card with 4k EEPROM
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 26 00 00 00 00 4D | MIFARE_MINI       | Mifare Mini (part 3 pattern, SS=03, TCK computed)
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68 | MIFARE_ULTRALIGHT | NXP Mifare Ultralight or UltralightC
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 3A 00 00 00 00 51 | MIFARE_ULTRALIGHT | MIFARE Ultralight C (part 3 pattern, SS=03, TCK computed)
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 36 00 00 00 00 5D | MIFARE_CLASSIC_1K | MIFARE Plus SL1 2K (part 3 pattern, SS=03, TCK computed)
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 37 00 00 00 00 5C | MIFARE_CLASSIC_4K | MIFARE Plus SL1 4K (part 3 pattern, SS=03, TCK computed)
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 11 00 3B 00 00 00 00 42 | FELICA            | FeliCa (generic)
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 F0 11 00 00 00 00 8A | FELICA            | Bangkok Metro (MRT), FeliCa 212K
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 0B 00 00 00 00 00 00 63 | ISO15693          | ISO 15693 - EM Microelectronic-Marin SA
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 0B 00 0E 00 00 00 00 6D | ISO15693          | ISO 15693 - Infineon
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 0B 00 12 00 00 00 00 71 | ISO15693          | ISO 15693 - Texas Instrument
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 0B 00 14 00 00 00 00 77 | ISO15693          | Philips ICode
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 0A 00 1C 00 00 00 00 7E | ISO15693          | HID iCLASS 16K CL
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 40 00 00 00 00 00 00 28 | UNKNOWN           | HID Proximity (125 kHz)
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 F0 04 00 00 00 00 9F | UNKNOWN           | NFC Forum type 1 tag (Topaz)
            3B 8F 80 01 80 4F 0C A0 00 00 03 06 00 00 00 00 00 00 00 68 | UNKNOWN           | Android Beam on a Sony Xperia Ion
            3B 81 80 01 80 80                                           | MIFARE_DESFIRE    | NXP DESFire or DESFire EV1 or EV2
            3B 86 80 01 06 75 77 81 02 80 00                            | MIFARE_DESFIRE    | NXP Mifare DESFire EV1 8K
            3B 86 80 01 4A 43 4F 50 33 31 13                            | ISO14443_4_A      | JCOP BIO 31 Contactless Card
            3B 88 80 01 4A 43 4F 50 76 32 34 31 5E                      | ISO14443_4_A      | NXP JCOP (type A)
            3B 8C 80 01 59 75 62 69 6B 65 79 4E 45 4F 72 33 58          | ISO14443_4_A      | Yubikey Neo
            3B 85 80 01 20 63 CB A0 00 2C                               | ISO14443_4_A      | Visa card from Banque populaire du nord
            3B 87 80 01 C1 05 2F 2F 01 BC D6 A9                         | ISO14443_4_A      | NXP Mifare Plus (SL3)
            3B 88 80 01 00 00 00 00 00 71 71 00 09                      | ISO14443_4_B      | OPUS public transport card (Montreal)
            3B 88 80 01 00 00 00 00 33 81 81 00 3A                      | ISO14443_4_B      | Interparking MOBIB basic
            3B 88 80 01 00 00 00 00 77 81 91 00 6E                      | ISO14443_4_B      | Ireland EPassport
            3B 88 80 01 00 00 00 00 11 81 81 00 18                      | ISO14443_4_B      | Rav Kav
            3B 88 80 01 00 73 C8 40 00 00 90 00 62                      | ISO14443_4_A      | NXP JCOP 31 V2.2 36K - RFID I/F
            3B 02 14 50                                                 | UNKNOWN           | Schlumberger Multiflex 3k (contact)
            3B                                                          | UNKNOWN           | a truncated ATR
            """)
    void classifiesRealAtrs(String atrHex, CardKind expected, String description) {
        byte[] atr = HexFormat.of().parseHex(atrHex.replace(" ", ""));

        assertThat(AtrClassifier.classify(atr)).as(description).isEqualTo(expected);
    }
}
