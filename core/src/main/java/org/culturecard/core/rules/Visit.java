package org.culturecard.core.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;

/**
 * One check-in of a person as the rules see it: when, where, the event's attributes (all null for a
 * general visit or an event central does not know) and the person's age band at the time (null when
 * not enrolled). No token and nothing raw.
 *
 * @param checkIn the check-in's id (the kiosk's UUIDv7): a visit is its check-in
 */
public record Visit(UUID checkIn, Instant tappedAt, String venue, UUID event, Sector sector, ArtsActivity activity,
        Mode mode, LearningLayer layer, AgeBand ageBand) {

    /** Time order, ties broken by check-in id: the one order the evaluator reads visits in. */
    public static final Comparator<Visit> ORDER = Comparator.comparing(Visit::tappedAt).thenComparing(Visit::checkIn);

    public Visit {
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(tappedAt, "tappedAt");
        Objects.requireNonNull(venue, "venue");
    }

    /** A general visit (no event). */
    public static Visit general(UUID checkIn, Instant tappedAt, String venue, AgeBand ageBand) {
        return new Visit(checkIn, tappedAt, venue, null, null, null, null, null, ageBand);
    }

    /**
     * The visit's Taking Part category: the sector, and for the arts the activity ({@code arts/music});
     * null for a visit without a known event.
     */
    public String category() {
        if (sector == null) {
            return null;
        }
        return activity == null ? sector.code() : sector.code() + "/" + activity.code();
    }
}
