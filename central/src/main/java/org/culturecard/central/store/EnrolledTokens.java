package org.culturecard.central.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The port through which the enrolled-card filter publisher (issue 13 item 5) reads the tokens
 * kiosks should welcome, and takes its turn as the one publisher among several central processes.
 * Tokens are the 64-hex-digit HMACs central stores; nothing raw passes here.
 */
public interface EnrolledTokens extends AutoCloseable {

    /**
     * True while this process is the one publisher: takes the publisher lock when it is free and
     * keeps it until {@link #close()} or a lost connection; false while another process holds it.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    boolean lead();

    /**
     * A number that changes whenever an identity change is committed (by any process): the filter
     * needs rebuilding when it differs from the one it was built at.
     */
    long stamp();

    /**
     * Hands {@code sink} every token of a person with a valid enrolment on {@code day} (an interval
     * of {@code person_validity} covers it) that is not lost at {@code at}; returns how many.
     */
    int validTokens(LocalDate day, Instant at, Consumer<String> sink);

    /** How many tokens were ever enrolled (applied, undone or not): a bound on any earlier filter's size. */
    int everEnrolled();

    /** Gives up the publisher lock. */
    @Override
    void close();
}
