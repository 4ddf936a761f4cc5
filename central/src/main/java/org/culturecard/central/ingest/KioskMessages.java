package org.culturecard.central.ingest;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;

/**
 * The checks every small upward message (enrolments, awards shown) passes before it is applied, as
 * {@link BatchValidator} does for check-ins: the topic is ours with the expected leaf, its kiosk is
 * registered at the topic's venue ({@link VenueBinding}), the payload decodes as the current message
 * within its size limit, and names the topic's kiosk and venue. Pure, apart from the registry look-up.
 *
 * @param <T> the wire message
 */
public final class KioskMessages<T> {

    /** A message that may be applied, from the kiosk and venue of {@code topic}. */
    public record Decoded<T>(Topics.KioskTopic topic, T message) {}

    private final WireCodec codec;
    private final VenueBinding venues;
    private final String leaf;
    private final Class<T> type;
    private final int maxBytes;
    private final Function<T, KioskId> kiosk;
    private final Function<T, VenueId> venue;

    /** Messages of {@code type} on topics ending in {@code leaf}, at most {@code maxBytes}. */
    public KioskMessages(WireCodec codec, VenueBinding venues, String leaf, Class<T> type, int maxBytes,
            Function<T, KioskId> kiosk, Function<T, VenueId> venue) {
        this.codec = codec;
        this.venues = venues;
        this.leaf = leaf;
        this.type = type;
        this.maxBytes = maxBytes;
        this.kiosk = kiosk;
        this.venue = venue;
    }

    /** The message, or why the whole message goes to the dead letters (told to {@code refused}). */
    public Optional<Decoded<T>> decode(String topic, byte[] payload, Consumer<Verdict.Refused> refused) {
        Optional<Topics.KioskTopic> parsed = Topics.parseKioskTopic(topic);
        if (parsed.isEmpty() || !leaf.equals(parsed.get().leaf())) {
            return refuse(refused, ReasonClass.UNPARSEABLE, "not an " + leaf + " topic");
        }
        Optional<Verdict.Refused> unbound = venues.check(parsed.get());
        if (unbound.isPresent()) {
            refused.accept(unbound.get());
            return Optional.empty();
        }
        if (payload == null || payload.length == 0 || payload.length > maxBytes) {
            return refuse(refused, ReasonClass.UNPARSEABLE, "payload of " + (payload == null ? 0 : payload.length)
                    + " bytes, not 1 to " + maxBytes);
        }
        T message;
        try {
            message = codec.decode(payload, type);
        } catch (WireFormatException e) {
            boolean schema = e.getMessage() != null && e.getMessage().contains("schema must be ");
            return refuse(refused, schema ? ReasonClass.WRONG_SCHEMA : ReasonClass.UNPARSEABLE, e.getMessage());
        } catch (RuntimeException e) {
            return refuse(refused, ReasonClass.UNPARSEABLE, "undecodable: " + e.getClass().getSimpleName());
        }
        if (message == null) {
            return refuse(refused, ReasonClass.UNPARSEABLE, "payload is JSON null");
        }
        if (!kiosk.apply(message).equals(parsed.get().kiosk()) || !venue.apply(message).equals(parsed.get().venue())) {
            return refuse(refused, ReasonClass.MISMATCH, "payload kiosk " + kiosk.apply(message) + " at "
                    + venue.apply(message) + " differs from the topic's " + parsed.get().kiosk() + " at "
                    + parsed.get().venue());
        }
        return Optional.of(new Decoded<>(parsed.get(), message));
    }

    private static <T> Optional<Decoded<T>> refuse(Consumer<Verdict.Refused> refused, ReasonClass reasonClass,
            String reason) {
        refused.accept(new Verdict.Refused(reasonClass, reason == null ? reasonClass.label() : reason));
        return Optional.empty();
    }
}
