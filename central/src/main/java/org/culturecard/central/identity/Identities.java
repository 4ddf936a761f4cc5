package org.culturecard.central.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.culturecard.central.store.IdentityStore;
import org.culturecard.central.store.IdentityStore.IdentityChange;
import org.culturecard.central.store.IdentityStore.TokenPerson;
import org.culturecard.central.store.IdentityStore.Validity;
import org.culturecard.central.store.StoredEnrolment;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * Applies enrolment records to the people of central (ADR 30), inside the caller's identity
 * transaction. A person is a connected component of tokens linked by applied, not undone ENROL and
 * REPLACE records; after every change the components around the record's tokens are recomputed
 * ({@link #relink}), so merges, replacements and the splits of an undo are one rule. Idempotent by
 * record id. Pure apart from the store port.
 */
public final class Identities {

    /**
     * What a relink did: the persons the tokens counted as {@code before}, the people {@code after}
     * (person to tokens), and of the persons before those that existed before this record (not made for its new tokens).
     */
    record Relinked(Set<Integer> before, Map<Integer, Set<String>> after, Set<Integer> earlier) {
    }

    /** Applies {@code record}, received from {@code kiosk} at {@code venue}; returns what became of it. */
    public Outcome apply(IdentityStore.Transaction tx, Enrolment record, VenueId venue, KioskId kiosk, Instant receivedAt) {
        if (tx.enrolment(record.id()).isPresent()) {
            return new Outcome.Duplicate();
        }
        if (record.staffId() != null && !tx.isStaff(record.staffId(), venue)) {
            return refuse(tx, record, venue, kiosk, receivedAt, "refused",
                    "staff member " + record.staffId() + " is not on venue " + venue + "'s staff");
        }
        return record.kind() == Enrolment.Kind.UNDO ? undo(tx, record, venue, kiosk, receivedAt)
                : bind(tx, record, venue, kiosk, receivedAt);
    }

    private Outcome bind(IdentityStore.Transaction tx, Enrolment record, VenueId venue, KioskId kiosk, Instant receivedAt) {
        tx.insert(new StoredEnrolment(record, venue, kiosk, receivedAt, null, null));
        if (record.kind() == Enrolment.Kind.REPLACE) {
            tx.setLost(record.oldBarcodeToken().value(), record.enrolledAt());
        }
        Relinked relinked = relink(tx, tokens(record));
        String action = record.kind() == Enrolment.Kind.REPLACE ? "replace"
                : relinked.earlier().size() > 1 ? "merge" : "bind";
        audit(tx, record, venue, action, relinked, "");
        return new Outcome.Applied(action);
    }

    private Outcome undo(IdentityStore.Transaction tx, Enrolment record, VenueId venue, KioskId kiosk, Instant receivedAt) {
        Optional<StoredEnrolment> target = tx.enrolment(record.undoes());
        Optional<String> problem = undoProblem(record, venue, target);
        if (problem.isPresent()) {
            return refuse(tx, record, venue, kiosk, receivedAt, "undo-refused", problem.get());
        }
        Enrolment undone = target.orElseThrow().record();
        tx.insert(new StoredEnrolment(record, venue, kiosk, receivedAt, null, null));
        tx.markUndone(undone.id(), record.id());
        if (undone.kind() == Enrolment.Kind.REPLACE) {
            tx.setLost(undone.oldBarcodeToken().value(), null);
        }
        Relinked relinked = relink(tx, tokens(undone));
        String action = relinked.after().size() > relinked.before().size() ? "split" : "undo";
        audit(tx, record, venue, action, relinked, "undoes " + undone.id());
        return new Outcome.Applied(action);
    }

    /** Why an UNDO cannot be applied, or empty when it can (ADR 30: same venue, same tokens, same day). */
    static Optional<String> undoProblem(Enrolment record, VenueId venue, Optional<StoredEnrolment> target) {
        if (target.isEmpty() || !target.get().applied()) {
            return Optional.of("enrolment " + record.undoes() + " is not an applied enrolment");
        }
        Enrolment undone = target.get().record();
        if (undone.kind() == Enrolment.Kind.UNDO) {
            return Optional.of("an UNDO cannot be undone");
        }
        if (target.get().undoneBy() != null) {
            return Optional.of("enrolment " + undone.id() + " was undone already by " + target.get().undoneBy());
        }
        if (!target.get().venue().equals(venue)) {
            return Optional.of("enrolment " + undone.id() + " was made at another venue");
        }
        if (!Objects.equals(undone.chipToken(), record.chipToken()) || !undone.barcodeToken().equals(record.barcodeToken())) {
            return Optional.of("the UNDO's tokens are not those of enrolment " + undone.id());
        }
        LocalDate day = undone.enrolledAt().atZone(AgeBand.SCHEME_ZONE).toLocalDate();
        LocalDate undoDay = record.enrolledAt().atZone(AgeBand.SCHEME_ZONE).toLocalDate();
        if (!day.equals(undoDay)) {
            return Optional.of("enrolment " + undone.id() + " was made on " + day + ", an UNDO is accepted on that day only, not "
                    + undoDay);
        }
        return Optional.empty();
    }

    private static Outcome refuse(IdentityStore.Transaction tx, Enrolment record, VenueId venue, KioskId kiosk,
            Instant receivedAt, String action, String reason) {
        tx.insert(new StoredEnrolment(record, venue, kiosk, receivedAt, reason, null));
        tx.audit(new IdentityChange(receivedAt, record.id(), action, venue, record.staffId(), List.of(), reason));
        return new Outcome.Refused(reason);
    }

    private static void audit(IdentityStore.Transaction tx, Enrolment record, VenueId venue, String action, Relinked relinked,
            String detail) {
        TreeSet<Integer> persons = new TreeSet<>(relinked.before());
        persons.addAll(relinked.after().keySet());
        tx.audit(new IdentityChange(record.enrolledAt(), record.id(), action, venue, record.staffId(), List.copyOf(persons),
                detail));
    }

    private static Set<String> tokens(Enrolment record) {
        Set<String> tokens = new HashSet<>();
        tokens.add(record.barcodeToken().value());
        if (record.chipToken() != null) {
            tokens.add(record.chipToken().value());
        }
        if (record.oldBarcodeToken() != null) {
            tokens.add(record.oldBarcodeToken().value());
        }
        return tokens;
    }

    /**
     * Recomputes the people around {@code seeds}: every token of the persons they counted as, and
     * every token linked to those, is grouped into components by the live links; a component's person
     * is its smallest own id. Sets what changed, the validity of every person involved, and marks the
     * days of all those tokens dirty.
     */
    static Relinked relink(IdentityStore.Transaction tx, Set<String> seeds) {
        Map<String, TokenPerson> known = tx.people(seeds);
        Set<Integer> before = new TreeSet<>();
        Set<Integer> earlier = new TreeSet<>();
        known.values().forEach(p -> before.add(p.person()));
        known.values().stream().filter(p -> !p.isNew()).forEach(p -> earlier.add(p.person()));
        Set<String> tokens = new HashSet<>(seeds);
        tokens.addAll(tx.tokensOf(before));
        Map<java.util.UUID, StoredEnrolment> links = new HashMap<>();
        Set<String> frontier = new HashSet<>(tokens);
        while (!frontier.isEmpty()) {
            Set<String> next = new HashSet<>();
            for (StoredEnrolment link : tx.links(frontier)) {
                if (links.putIfAbsent(link.record().id(), link) == null) {
                    for (String token : tokens(link.record())) {
                        if (tokens.add(token)) {
                            next.add(token);
                        }
                    }
                }
            }
            frontier = next;
        }
        Map<String, TokenPerson> people = tx.people(tokens);
        people.values().forEach(p -> before.add(p.person()));
        Map<String, String> parent = new HashMap<>();
        tokens.forEach(t -> parent.put(t, t));
        for (StoredEnrolment link : links.values()) {
            List<String> linked = new ArrayList<>(tokens(link.record()));
            for (int i = 1; i < linked.size(); i++) {
                parent.put(root(parent, linked.get(i)), root(parent, linked.get(0)));
            }
        }
        Map<String, Integer> personOfRoot = new HashMap<>();
        for (String token : tokens) {
            personOfRoot.merge(root(parent, token), people.get(token).own(), Math::min);
        }
        Map<String, Integer> changes = new HashMap<>();
        Map<Integer, Set<String>> after = new HashMap<>();
        for (String token : tokens) {
            int person = personOfRoot.get(root(parent, token));
            after.computeIfAbsent(person, p -> new HashSet<>()).add(token);
            if (people.get(token).person() != person) {
                changes.put(token, person);
            }
        }
        tx.setPersons(changes);
        Map<Integer, List<Validity>> validity = new HashMap<>();
        after.forEach((person, members) -> {
            List<StoredEnrolment> own = links.values().stream().filter(l -> members.contains(l.record().barcodeToken().value()))
                    .sorted(Comparator.comparing((StoredEnrolment l) -> l.record().enrolledAt()).thenComparing(l -> l.record().id()))
                    .toList();
            if (!own.isEmpty()) {
                validity.put(person, intervals(own));
            }
        });
        Set<Integer> involved = new TreeSet<>(before);
        involved.addAll(after.keySet());
        tx.setValidity(involved, validity);
        tx.markDaysDirty(tokens);
        return new Relinked(Set.copyOf(before), Map.copyOf(after), Set.copyOf(earlier));
    }

    /** The first record covers every day to its validUntil; each later one from its UTC day (ADR 30). */
    static List<Validity> intervals(List<StoredEnrolment> ordered) {
        List<Validity> intervals = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Enrolment record = ordered.get(i).record();
            LocalDate from = i == 0 ? null : record.enrolledAt().atOffset(ZoneOffset.UTC).toLocalDate();
            intervals.add(new Validity(from, record.validUntil()));
        }
        return List.copyOf(intervals);
    }

    private static String root(Map<String, String> parent, String token) {
        String root = token;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(token, root);
        return root;
    }
}
