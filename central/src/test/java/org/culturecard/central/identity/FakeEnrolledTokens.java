package org.culturecard.central.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.culturecard.central.store.EnrolledTokens;

/** {@link EnrolledTokens} in memory, for FilterPublisherTest; PostgresEnrolledTokens is tested in FilterPublishIT. */
final class FakeEnrolledTokens implements EnrolledTokens {
    final List<String> tokens = new ArrayList<>();
    boolean leader = true;
    long stamp;
    int ever;
    LocalDate askedDay;

    @Override
    public boolean lead() {
        return leader;
    }

    @Override
    public long stamp() {
        return stamp;
    }

    @Override
    public int validTokens(LocalDate day, Instant at, Consumer<String> sink) {
        askedDay = day;
        tokens.forEach(sink);
        return tokens.size();
    }

    @Override
    public int everEnrolled() {
        return Math.max(ever, tokens.size());
    }

    @Override
    public void close() {
        leader = false;
    }
}
