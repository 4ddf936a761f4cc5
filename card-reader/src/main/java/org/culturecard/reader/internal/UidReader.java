package org.culturecard.reader.internal;

import java.util.Arrays;
import java.util.Optional;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.culturecard.core.card.CardUid;

/**
 * Reads a contactless card's UID with the PC/SC part 3 pseudo-APDU GET DATA ({@code FF CA 00 00 00}).
 * A reader or card that wants the exact length answers {@code 6C xx}: the read is repeated once with
 * Le = xx. {@code 6A 81} (not supported), any other status, a UID of a length ISO 14443 does not
 * define, or a malformed answer give no UID. Nothing read here is ever logged.
 */
public final class UidReader {
    private static final int SW_OK = 0x9000;

    private UidReader() {}

    /** The outcome of one read: a UID, or why there is none (for the log, never with card data). */
    public sealed interface Result {
        record Read(CardUid uid) implements Result {}

        record Refused(String why) implements Result {}
    }

    static Result read(CardChannel channel) throws CardException {
        ResponseAPDU response = transmit(channel, 256);
        if (response.getSW1() == 0x6C) {
            int le = response.getSW2() == 0 ? 256 : response.getSW2();
            response = transmit(channel, le);
        }
        return interpret(response);
    }

    static Result interpret(ResponseAPDU response) {
        if (response.getSW() != SW_OK) {
            return new Result.Refused(String.format("status %04X", response.getSW()));
        }
        byte[] data = response.getData();
        try {
            return new Result.Read(CardUid.of(data));
        } catch (IllegalArgumentException e) {
            return new Result.Refused("UID of " + data.length + " bytes");
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    private static ResponseAPDU transmit(CardChannel channel, int ne) throws CardException {
        try {
            return channel.transmit(new CommandAPDU(0xFF, 0xCA, 0x00, 0x00, ne));
        } catch (IllegalArgumentException e) {
            // a response shorter than its two status bytes
            throw new CardException("malformed response: " + e.getMessage());
        }
    }
}
