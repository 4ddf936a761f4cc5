package org.culturecard.sip2;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fourteen patron status flags of SIP2 patron status (24) and patron information (64) replies,
 * in wire order (3M SIP2 spec, "patron status": a 14-character fixed field, 'Y' for set).
 * {@link #CHARGE_PRIVILEGES_DENIED} is what this scheme calls "blocked"; {@link #CARD_REPORTED_LOST}
 * is a lost card; the others are kept so staff can see why the library holds a card back.
 */
public enum PatronFlag {
    CHARGE_PRIVILEGES_DENIED,
    RENEWAL_PRIVILEGES_DENIED,
    RECALL_PRIVILEGES_DENIED,
    HOLD_PRIVILEGES_DENIED,
    CARD_REPORTED_LOST,
    TOO_MANY_ITEMS_CHARGED,
    TOO_MANY_ITEMS_OVERDUE,
    TOO_MANY_RENEWALS,
    TOO_MANY_CLAIMS_OF_ITEMS_RETURNED,
    TOO_MANY_ITEMS_LOST,
    EXCESSIVE_OUTSTANDING_FINES,
    EXCESSIVE_OUTSTANDING_FEES,
    RECALL_OVERDUE,
    TOO_MANY_ITEMS_BILLED;

    /** The flags in the order of the wire's 14 positions. */
    public static final List<PatronFlag> WIRE_ORDER = List.of(values());

    /** An unmodifiable copy that keeps wire order (for readable log lines and stable equality). */
    public static Set<PatronFlag> copyOf(Collection<PatronFlag> flags) {
        EnumSet<PatronFlag> copy = EnumSet.noneOf(PatronFlag.class);
        copy.addAll(flags);
        return Collections.unmodifiableSet(copy);
    }
}
