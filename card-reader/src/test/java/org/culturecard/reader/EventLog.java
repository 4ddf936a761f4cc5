package org.culturecard.reader;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.culturecard.reader.ReaderEvent.CardPresented;
import org.culturecard.reader.ReaderEvent.CardRemoved;

/** Collects a reader's events (from its own thread) and waits for the ones a test expects. */
final class EventLog implements Consumer<ReaderEvent> {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final List<ReaderEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(ReaderEvent event) {
        events.add(event);
    }

    List<ReaderEvent> all() {
        return List.copyOf(events);
    }

    <T extends ReaderEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<CardPresented> taps() {
        return of(CardPresented.class);
    }

    List<CardPresented> tapsOn(String reader) {
        return taps().stream().filter(t -> t.tap().readerName().equals(reader)).toList();
    }

    long removalsOn(String reader) {
        return of(CardRemoved.class).stream().filter(r -> r.readerName().equals(reader)).count();
    }

    /** Waits until some event matches, returns the first match. */
    <T extends ReaderEvent> T await(Class<T> type, Predicate<T> matching) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                .until(() -> of(type).stream().anyMatch(matching));
        return of(type).stream().filter(matching).findFirst().orElseThrow();
    }

    /** Waits until {@code count} events of the type have arrived. */
    void awaitCount(Class<? extends ReaderEvent> type, int count) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> of(type).size() >= count);
    }

    CardPresented awaitTapOn(String reader, int nth) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> tapsOn(reader).size() >= nth);
        return tapsOn(reader).get(nth - 1);
    }
}
