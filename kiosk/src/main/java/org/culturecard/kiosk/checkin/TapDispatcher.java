package org.culturecard.kiosk.checkin;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.culturecard.core.card.CardTap;
import org.culturecard.reader.ReaderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way from the card reader to the screens: reader thread, then worker, then UI thread. On
 * the reader's thread it folds reader events into a {@link ReaderStatus} (passed on only when it
 * changes) and hands each tap to the worker, where the check-in runs; the screens get the
 * {@link CheckInResult}, never the {@link CardTap}, so the raw UID never reaches the UI. A tap while
 * the screens take none (staff pages) is dropped here, before anything is recorded.
 */
public final class TapDispatcher implements Consumer<ReaderEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(TapDispatcher.class);

    private final Function<CardTap, CheckInResult> checkIn;
    private final Executor worker;
    private final BooleanSupplier acceptingTaps;
    private final TapListener screens;
    private final Predicate<CardTap> captured;
    private ReaderStatus readers = ReaderStatus.initial();

    /**
     * @param checkIn       the check-in of one tap (slow: disk); runs on {@code worker} only
     * @param worker        one background thread, so taps are checked in one at a time and in order
     * @param acceptingTaps whether the screens take a tap now; read on the reader's thread
     * @param screens       told of results and reader status, off the UI thread
     */
    public TapDispatcher(Function<CardTap, CheckInResult> checkIn, Executor worker, BooleanSupplier acceptingTaps,
                         TapListener screens) {
        this(checkIn, worker, acceptingTaps, screens, tap -> false);
    }

    /**
     * As above, with {@code captured}: asked first, on the reader's thread, whether a tap is taken for
     * something else than a check-in (the chip of a card being registered); a tap it takes is not checked in.
     */
    public TapDispatcher(Function<CardTap, CheckInResult> checkIn, Executor worker, BooleanSupplier acceptingTaps,
                         TapListener screens, Predicate<CardTap> captured) {
        this.captured = Objects.requireNonNull(captured, "captured");
        this.checkIn = Objects.requireNonNull(checkIn, "checkIn");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.acceptingTaps = Objects.requireNonNull(acceptingTaps, "acceptingTaps");
        this.screens = Objects.requireNonNull(screens, "screens");
    }

    /** A reader event, on the card reader's thread: returns at once. */
    @Override
    public void accept(ReaderEvent event) {
        if (event instanceof ReaderEvent.CardPresented presented) {
            dispatch(presented.tap());
            return;
        }
        fold(event).ifPresent(screens::readersChanged);
    }

    /** The new status, or empty when the event changed nothing. */
    private synchronized Optional<ReaderStatus> fold(ReaderEvent event) {
        ReaderStatus next = readers.after(event);
        if (next.equals(readers)) {
            return Optional.empty();
        }
        readers = next;
        return Optional.of(next);
    }

    private void dispatch(CardTap tap) {
        if (captured.test(tap)) {
            return;
        }
        if (!acceptingTaps.getAsBoolean()) {
            LOG.info("A card was tapped during staff mode; ignored");
            return;
        }
        worker.execute(() -> {
            CheckInResult result;
            try {
                result = checkIn.apply(tap);
            } catch (RuntimeException | Error e) {
                screens.checkInFailed(e);
                return;
            }
            screens.checkedIn(result);
        });
    }
}
