package org.culturecard.reader.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The registry of reader models: which model a reader is, from the name pcscd gives it. The first
 * registered model that recognises the name, else the {@link GenericPcscReader}. A new family is
 * registered here, in {@link #KNOWN}, and in {@link ReaderModel}'s {@code permits};
 * {@code ReaderModelsTest} fails when one is permitted but not registered.
 */
public final class ReaderModels {
    /** Every model beyond the generic one, in the order they are tried: one {@code values()} per family. */
    private static final List<ReaderModel> KNOWN = families(AcsReader.values());

    private ReaderModels() {}

    /** The model of the reader pcscd calls {@code readerName}; the generic PC/SC part 3 reader when no family knows it. */
    public static ReaderModel of(String readerName) {
        for (ReaderModel model : KNOWN) {
            if (model.recognises(readerName)) {
                return model;
            }
        }
        return GenericPcscReader.PART_3;
    }

    /** The registered models, without the generic default. */
    public static List<ReaderModel> known() {
        return KNOWN;
    }

    private static List<ReaderModel> families(ReaderModel[]... families) {
        return Arrays.stream(families).flatMap(Arrays::stream).toList();
    }
}
