package org.culturecard.central.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.culturecard.central.store.IdentityStore;
import org.culturecard.central.store.StoredEnrolment;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.VenueId;

/** {@link IdentityStore} in memory, for the unit tests of {@link Identities}; PostgresIdentityStore's are the ITs. */
final class FakeIdentityStore implements IdentityStore, IdentityStore.Transaction {

    private final Map<UUID, StoredEnrolment> enrolments = new LinkedHashMap<>();
    private final Map<String, int[]> people = new LinkedHashMap<>(); // token -> {own, person}
    private final Map<String, Instant> lost = new HashMap<>();
    final Map<Integer, List<Validity>> validity = new HashMap<>();
    final Set<String> dirtyTokens = new TreeSet<>();
    final List<IdentityChange> audit = new ArrayList<>();
    final Set<String> staff = new HashSet<>(); // "venue/staffId"
    private int nextId = 1;

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return work.apply(this);
    }

    /** The person {@code token} counts as. */
    int person(String token) {
        return people.get(token)[1];
    }

    Instant lost(String token) {
        return lost.get(token);
    }

    @Override
    public Optional<StoredEnrolment> enrolment(UUID id) {
        return Optional.ofNullable(enrolments.get(id));
    }

    @Override
    public void insert(StoredEnrolment record) {
        if (enrolments.putIfAbsent(record.record().id(), record) != null) {
            throw new IllegalStateException("duplicate key");
        }
    }

    @Override
    public void markUndone(UUID id, UUID undoneBy) {
        StoredEnrolment s = enrolments.get(id);
        enrolments.put(id, new StoredEnrolment(s.record(), s.venue(), s.kiosk(), s.receivedAt(), s.refusal(), undoneBy));
    }

    @Override
    public boolean isStaff(UUID staffId, VenueId venue) {
        return staff.contains(venue + "/" + staffId);
    }

    @Override
    public Map<String, TokenPerson> people(Collection<String> tokens) {
        Map<String, TokenPerson> found = new HashMap<>();
        for (String token : new TreeSet<>(tokens)) {
            boolean isNew = !people.containsKey(token);
            if (isNew) {
                int id = nextId++;
                people.put(token, new int[] {id, id});
            }
            int[] p = people.get(token);
            found.put(token, new TokenPerson(p[0], p[1], lost.get(token), isNew));
        }
        return found;
    }

    @Override
    public Set<String> tokensOf(Collection<Integer> persons) {
        Set<String> tokens = new HashSet<>();
        people.forEach((token, p) -> {
            if (persons.contains(p[1])) {
                tokens.add(token);
            }
        });
        return tokens;
    }

    @Override
    public List<StoredEnrolment> links(Collection<String> tokens) {
        return enrolments.values().stream()
                .filter(s -> s.applied() && s.undoneBy() == null && s.record().kind() != Enrolment.Kind.UNDO)
                .filter(s -> tokens.contains(s.record().barcodeToken().value())
                        || s.record().chipToken() != null && tokens.contains(s.record().chipToken().value())
                        || s.record().oldBarcodeToken() != null && tokens.contains(s.record().oldBarcodeToken().value()))
                .toList();
    }

    @Override
    public void setPersons(Map<String, Integer> persons) {
        persons.forEach((token, person) -> people.get(token)[1] = person);
    }

    @Override
    public void setLost(String token, Instant at) {
        people(List.of(token));
        if (at == null) {
            lost.remove(token);
        } else {
            lost.put(token, at);
        }
    }

    @Override
    public void setValidity(Collection<Integer> persons, Map<Integer, List<Validity>> intervals) {
        persons.forEach(validity::remove);
        validity.putAll(intervals);
    }

    @Override
    public void markDaysDirty(Collection<String> tokens) {
        dirtyTokens.addAll(tokens);
    }

    @Override
    public void audit(IdentityChange change) {
        audit.add(change);
    }
}
