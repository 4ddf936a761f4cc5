package org.culturecard.testsupport.sip2;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A patron in the test server's table. The server answers about it the way Evergreen's SIPServer
 * builds its replies (Sip/MsgType.pm), including the name, address, e-mail and phone that a
 * patron information reply carries: the client must drop them.
 *
 * @param pin         null: no PIN, and any PIN passes (as Evergreen's {@code check_password})
 * @param birthDate   null: the reply carries no birth date field
 * @param expiry      null: the reply carries no expiry field; a past date also denies charge privileges
 * @param standing    valid, blocked or lost
 * @param screenMessage null: no AF field
 */
public record Sip2TestPatron(String barcode, String pin, String name, String address, LocalDate birthDate,
        LocalDate expiry, Standing standing, String screenMessage) {

    /** How the library regards the card. */
    public enum Standing {
        VALID,
        /** Charge, renewal, recall and hold privileges denied, excessive fines. */
        BLOCKED,
        /** Card reported lost (and charge privileges denied, as LMSs do). */
        LOST
    }

    public Sip2TestPatron {
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(standing, "standing");
    }

    /** A valid patron with a name and address, no PIN, no birth date, no expiry. */
    public static Sip2TestPatron valid(String barcode, String name) {
        return new Sip2TestPatron(barcode, null, name, "1 Library Street, Leeds LS1 1AA", null, null, Standing.VALID, null);
    }

    public Sip2TestPatron withPin(String newPin) {
        return new Sip2TestPatron(barcode, newPin, name, address, birthDate, expiry, standing, screenMessage);
    }

    public Sip2TestPatron bornOn(LocalDate date) {
        return new Sip2TestPatron(barcode, pin, name, address, date, expiry, standing, screenMessage);
    }

    public Sip2TestPatron expiringOn(LocalDate date) {
        return new Sip2TestPatron(barcode, pin, name, address, birthDate, date, standing, screenMessage);
    }

    public Sip2TestPatron standing(Standing newStanding) {
        return new Sip2TestPatron(barcode, pin, name, address, birthDate, expiry, newStanding, screenMessage);
    }

    public Sip2TestPatron withScreenMessage(String message) {
        return new Sip2TestPatron(barcode, pin, name, address, birthDate, expiry, standing, message);
    }
}
