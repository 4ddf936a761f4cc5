package org.culturecard.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardUid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.culturecard.reader.internal.GenericPcscReader;
import org.culturecard.reader.internal.ReaderModel;
import org.culturecard.reader.internal.ReaderModels;
import org.culturecard.reader.internal.UidReader;

/** The one seam for reader models: the registry, the generic default, and what every model inherits. */
class ReaderModelsTest {
    private static final byte[] UID_7 = HexFormat.of().parseHex("04A1523C7E6180");
    private static final byte[] ATR_CLASSIC_1K = HexFormat.of().parseHex("3B8F8001804F0CA000000306030001000000006A");

    @Test
    void everyPermittedFamilyIsRegisteredOrIsTheDefault() {
        List<ReaderModel> permitted = new ArrayList<>();
        for (Class<?> family : ReaderModel.class.getPermittedSubclasses()) {
            assertThat(family.isEnum()).as("%s: a family is an enum of its models", family.getSimpleName()).isTrue();
            for (Object model : family.getEnumConstants()) {
                permitted.add((ReaderModel) model);
            }
        }

        assertThat(permitted).containsExactlyInAnyOrderElementsOf(withDefault(ReaderModels.known()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Test Reader 00 00", "HID Global OMNIKEY 5022 Smart Card Reader 00 00",
            "Identiv uTrust 3700 F CL Reader 00 00", "ACS ACR38U-CCID 00 00", ""})
    void aReaderNoFamilyKnowsIsTheGenericPart3ReaderAndGetsNoCommands(String name) {
        ReaderModel model = ReaderModels.of(name);

        assertThat(model).isEqualTo(GenericPcscReader.PART_3);
        assertThat(model.signal(true)).isEmpty();
        assertThat(model.signal(false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACS ACR122U PICC Interface 00 00", "ACS ACR1252 1S CL Reader [ACR1252 1S CL Reader(1)] 00 00",
            "ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00"})
    void exactlyOneRegisteredModelRecognisesAKnownReader(String name) {
        assertThat(ReaderModels.known()).filteredOn(model -> model.recognises(name)).hasSize(1);
    }

    @Test
    void everyModelReadsTheUidWithPart3GetDataUnlessItSaysOtherwise() throws Exception {
        for (ReaderModel model : withDefault(ReaderModels.known())) {
            FakePcsc.Channel channel = new FakePcsc.Channel(null, UID_7);

            assertThat(model.readUid(channel)).as(model.toString()).isEqualTo(new UidReader.Result.Read(CardUid.of(UID_7)));
        }
    }

    @Test
    void everyModelTellsTheCardKindFromThePart3AtrUnlessItSaysOtherwise() {
        for (ReaderModel model : withDefault(ReaderModels.known())) {
            assertThat(model.cardKind(ATR_CLASSIC_1K)).as(model.toString()).isEqualTo(CardKind.MIFARE_CLASSIC_1K);
        }
    }

    private static List<ReaderModel> withDefault(List<ReaderModel> known) {
        List<ReaderModel> all = new ArrayList<>(known);
        all.add(GenericPcscReader.PART_3);
        return all;
    }
}
