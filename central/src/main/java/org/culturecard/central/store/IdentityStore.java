package org.culturecard.central.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.culturecard.core.ids.VenueId;

/**
 * The port through which identity changes reach the store (ADR 30): each {@link #inTransaction}
 * is one transaction, serialised with every other identity change. Tokens are the 64-hex-digit
 * HMACs central stores everywhere; nothing raw passes here.
 */
public interface IdentityStore {

    /**
     * Runs {@code work} in one transaction and commits it.
     *
     * @throws StoreUnavailableException when the database cannot be reached (the caller retries)
     */
    <T> T inTransaction(Function<Transaction, T> work);

    /** What one identity transaction can read and change. */
    interface Transaction {
        /** The stored record with this id, applied or refused. */
        Optional<StoredEnrolment> enrolment(UUID id);

        void insert(StoredEnrolment record);

        void markUndone(UUID id, UUID undoneBy);

        /** True when {@code staffId} is (or was) a member of {@code venue}'s staff. */
        boolean isStaff(UUID staffId, VenueId venue);

        /** Each token's own id and person, creating a person for a token not seen before. */
        Map<String, TokenPerson> people(Collection<String> tokens);

        /** Every token that counts as one of {@code persons}. */
        Set<String> tokensOf(Collection<Integer> persons);

        /** The applied, not undone ENROL and REPLACE records that name any of {@code tokens}. */
        List<StoredEnrolment> links(Collection<String> tokens);

        /** Sets each token's person (its own id: itself). */
        void setPersons(Map<String, Integer> persons);

        /** Marks a token lost from {@code at} (null: not lost). */
        void setLost(String token, Instant at);

        /** Replaces the validity of {@code persons} with {@code intervals} (persons without an entry have none). */
        void setValidity(Collection<Integer> persons, Map<Integer, List<Validity>> intervals);

        /** Marks dirty, for the report rollup, every day on which one of {@code tokens} has a check-in. */
        void markDaysDirty(Collection<String> tokens);

        void audit(IdentityChange change);
    }

    /**
     * A token's own person id, the person it counts as, when it was lost (null: not), and whether its
     * person was made by this transaction.
     */
    record TokenPerson(int own, int person, Instant lostAt, boolean isNew) {
    }

    /** Days on which a person's taps are verified: {@code from} (null: since always) to {@code until}, inclusive. */
    record Validity(LocalDate from, LocalDate until) {
    }

    /** One row of the identity audit: never a token. */
    record IdentityChange(Instant at, UUID enrolmentId, String action, VenueId venue, UUID staffId, List<Integer> persons,
            String detail) {
        public IdentityChange {
            persons = List.copyOf(persons);
        }
    }
}
