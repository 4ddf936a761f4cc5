package org.culturecard.sip2.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checksum against published values.
 *
 * <ul>
 *   <li>3M SIP2 Developer's Guide, page 26: {@code 990 402.00AY1AZFCB4}, as quoted in
 *       atz/SIPServer (a fork carrying Evergreen SIPServer's history), {@code t/0001_checksum.t} at
 *       commit 4b33a95f3772a82a89c2cd61966b7650d81ea011. (The guide's login example there,
 *       {@code ...CPLocationCode|AY5AZEC78}, sums to EC7B; that commit's own message calls the guide's
 *       other examples invalid, so it is not used.)</li>
 *   <li>evergreen-library-system/SIPServer {@code t/0001_checksum.t} at commit
 *       5f3de4843e0a6d0c02226d2d3c18e31857bd88b6: checkout responses from a live Evergreen and
 *       {@code 941AY0AZFDFD} ("example from CASSIE"). Its French titles were written in decomposed
 *       Unicode (e + U+0300); the sums hold for those UTF-8 bytes, which shows the checksum is a sum
 *       of wire bytes, not of characters.</li>
 *   <li>evergreen-library-system/SIPServer {@code Sip/Constants.pm} at commit
 *       27b89199efd2448ce1d9b89e0d6b7705e98161ba: {@code 97AZFEF5} and {@code 96AZFEF6}.</li>
 * </ul>
 */
class ChecksumTest {

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = '~', value = {
        "FCB4~990 402.00AY1AZ",
        "FDFD~941AY0AZ",
        "FEF5~97AZ",
        "FEF6~96AZ",
        "DB4E~1804020120110630    110249AB30007008637257|AJVie d'Isabelle Eberhardt |CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP   EAU|AY6AZ",
        "E174~1804020120110630    110250AB30007008641424|AJLe zahir|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP COE|AY7AZ",
        "E003~1804020120110630    110251AB30007008432675|AJIncendiaire|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP CLE|AY8AZ",
        "DCF8~1804020120110630    110249AB30007008503046|AJLe Piège de Bogota|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP DAL|AY7AZ",
        "DBA5~1804020120110630    110250AB30007007632564|AJAssassins et poètes|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP GUL|AY3AZ",
        "D9CF~1804020120110630    110250AB30007001211936|AJL' Énigme du clou chinois|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP     GUL|AY2AZ",
    })
    void matchesThePublishedChecksums(String expected, String message) {
        byte[] bytes = Normalizer.normalize(message, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8);

        assertThat(Checksum.of(bytes, bytes.length)).isEqualTo(expected);
        byte[] whole = (Normalizer.normalize(message, Normalizer.Form.NFD) + expected).getBytes(StandardCharsets.UTF_8);
        assertThat(Checksum.verifies(whole, whole.length)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"990 402.00AY1AZFCB5", "990 402.00AY1AZFCB", "990 402.00AY1AZXCB4", "AZ"})
    void refusesAWrongOrMalformedChecksum(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);

        assertThat(Checksum.verifies(bytes, bytes.length)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"990 402.00AY1AZfcb4"})
    void acceptsLowerCaseHexDigits(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);

        assertThat(Checksum.verifies(bytes, bytes.length)).isTrue();
    }
}
