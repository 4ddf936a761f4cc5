package org.culturecard.reader.internal;

import java.util.List;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import org.culturecard.core.card.CardKind;

/**
 * What is particular to a family of reader models: how a model is recognised from the name pcscd
 * gives the reader, which commands beep and light it, how it reads a card's UID and how it tells the
 * card's kind from the ATR it builds. UID and kind have PC/SC part 3 defaults, which every reader
 * that follows part 3 shares; a family overrides only what its readers do otherwise.
 *
 * <p>One implementation per family, an enum with one constant per model ({@link AcsReader}), and the
 * {@link GenericPcscReader} for every reader no family recognises. Supporting a new reader is one new
 * enum here and its registration (in {@code permits} and {@link ReaderModels}); docs/readers.md says how.
 */
public sealed interface ReaderModel permits AcsReader, GenericPcscReader {

    /** SCARD_CTL_CODE(3500) as pcsc-lite defines it on Linux: libccid's CCID escape, for {@link #signal}'s commands. */
    int IOCTL_CCID_ESCAPE = 0x42000000 + 3500;

    /** True when pcscd's name for a reader (e.g. {@code ACS ACR122U PICC Interface 00 00}) is this model's. */
    boolean recognises(String readerName);

    /**
     * The CCID escape commands (sent with {@link #IOCTL_CCID_ESCAPE}; libccid needs
     * {@code ifdDriverOptions 0x0001} to pass them on) that tell the person at the reader their tap
     * succeeded or was refused; empty when this model gets none.
     */
    List<byte[]> signal(boolean success);

    /** Reads the UID of the card on {@code channel}: PC/SC part 3 GET DATA unless a model says otherwise. */
    default UidReader.Result readUid(CardChannel channel) throws CardException {
        return UidReader.read(channel);
    }

    /** The card's kind from the ATR this reader built for it: the PC/SC part 3 patterns unless a model says otherwise. */
    default CardKind cardKind(byte[] atr) {
        return AtrClassifier.classify(atr);
    }
}
