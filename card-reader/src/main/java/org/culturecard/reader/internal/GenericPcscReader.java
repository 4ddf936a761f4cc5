package org.culturecard.reader.internal;

import java.util.List;

/**
 * Any contactless reader that follows PC/SC part 3, and the model of every reader no family
 * recognises: the UID by GET DATA, the card's kind from the ATR the reader builds, and no feedback
 * commands, since an unknown reader could take the bytes for anything.
 */
public enum GenericPcscReader implements ReaderModel {
    PART_3;

    @Override
    public boolean recognises(String readerName) {
        return true;
    }

    @Override
    public List<byte[]> signal(boolean success) {
        return List.of();
    }
}
