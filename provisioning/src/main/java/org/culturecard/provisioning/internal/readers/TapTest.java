package org.culturecard.provisioning.internal.readers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.culturecard.reader.CardReader;
import org.culturecard.reader.ReaderEvent;

/**
 * Waits for one tap on a reader and says what it saw: the reader, the card kind, the card's token
 * (masked) and how long it took. The raw UID goes from the reader to the pseudonymiser and no
 * further: nothing here prints it.
 */
public final class TapTest {

    /** What a tap looked like. {@code waited} runs from the start of the wait to the tap event. */
    public record Seen(String readerName, String kind, boolean randomId, Token token, Duration waited) {}

    private final CardReader reader;
    private final Pseudonymiser pseudonymiser;
    private final Clock clock;

    public TapTest(CardReader reader, Pseudonymiser pseudonymiser, Clock clock) {
        this.reader = reader;
        this.pseudonymiser = pseudonymiser;
        this.clock = clock;
    }

    /** The first tap within {@code timeout}, or empty. */
    public Optional<Seen> await(Duration timeout) throws InterruptedException {
        BlockingQueue<CardTap> taps = new LinkedBlockingQueue<>();
        Instant start = clock.instant();
        reader.start(event -> {
            if (event instanceof ReaderEvent.CardPresented presented) {
                taps.offer(presented.tap());
            }
        });
        CardTap tap = taps.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (tap == null) {
            return Optional.empty();
        }
        Token token = pseudonymiser.tokenFor(tap.uid());
        return Optional.of(new Seen(tap.readerName(), tap.kind().toString(), tap.isRandomId(), token,
                Duration.between(start, tap.at())));
    }

    /** The token of the first tap, for enrolling a staff card; refuses random-id cards. */
    public Optional<Token> awaitToken(Duration timeout) throws InterruptedException {
        Optional<Seen> seen = await(timeout);
        if (seen.isPresent() && seen.get().randomId()) {
            throw new IllegalArgumentException("that card has a random id (a phone or bank card): use a library or staff card");
        }
        return seen.map(Seen::token);
    }
}
