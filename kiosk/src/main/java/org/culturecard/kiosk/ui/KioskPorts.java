package org.culturecard.kiosk.ui;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.culturecard.core.card.CardTap;
import org.culturecard.kiosk.checkin.CheckInResult;

/**
 * What the kiosk's view model needs from the rest of the app, as plain functions so that its tests
 * can pass a real check-in service or a stub. {@code checkIn} and {@code status} are slow (disk) and
 * are only ever called through the {@link TaskExecutor}.
 *
 * @param onResult told of every result (the demo prints them); must not throw
 */
public record KioskPorts(Function<CardTap, CheckInResult> checkIn, Supplier<AttractStatus> status,
                         Consumer<CheckInResult> onResult) {
    public KioskPorts {
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(onResult, "onResult");
    }
}
