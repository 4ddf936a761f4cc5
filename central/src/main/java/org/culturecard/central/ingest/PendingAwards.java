package org.culturecard.central.ingest;

import java.util.Collection;
import java.util.List;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.PendingAward;

/**
 * The port through which a batch's ack learns the awards its tokens' people have not been shown yet (ADR 0037).
 * Called on the store thread after the commit, once per batch; a failure must not hold up the ack.
 */
@FunctionalInterface
public interface PendingAwards {
    /** No awards: central without recognition, and the tests of ingest alone. */
    PendingAwards NONE = tokens -> List.of();

    /** The pending awards of the people of {@code tokens}, at most {@link org.culturecard.core.wire.BatchAck#MAX_AWARDS}. */
    List<PendingAward> of(Collection<Token> tokens);
}
