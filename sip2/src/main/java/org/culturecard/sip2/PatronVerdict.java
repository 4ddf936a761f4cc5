package org.culturecard.sip2;

import java.time.LocalDate;

/**
 * The scheme's reading of a patron reply, in one place for the real client and the fake:
 *
 * <ol>
 *   <li>valid patron N: {@link UnknownPatron} (a reply without BL, from a SIP 1.00 LMS, counts as valid);</li>
 *   <li>with a PIN: valid patron password N gives {@link WrongPin}, and a reply that does not say
 *       (no CQ) cannot be trusted: {@link LmsUnavailable} (bad reply). Nothing else about the card is
 *       told to someone who got its PIN wrong;</li>
 *   <li>card reported lost: {@link LostCard};</li>
 *   <li>an expiry date before today: {@link ExpiredCard};</li>
 *   <li>charge privileges denied: {@link BlockedPatron} (other flags, such as fines, do not block);</li>
 *   <li>otherwise {@link ValidPatron}.</li>
 * </ol>
 */
public final class PatronVerdict {
    private PatronVerdict() {
    }

    public static PatronCheck decide(PatronFacts facts, boolean pinGiven, LocalDate today) {
        if (facts.validPatron().isPresent() && !facts.validPatron().get()) {
            return new UnknownPatron(facts.screenMessage());
        }
        if (pinGiven) {
            if (facts.validPin().isEmpty()) {
                return new LmsUnavailable(LmsUnavailable.Reason.BAD_REPLY,
                        "the LMS did not say whether the PIN is valid (no CQ field in its reply)");
            }
            if (!facts.validPin().get()) {
                return new WrongPin();
            }
        }
        if (facts.flags().contains(PatronFlag.CARD_REPORTED_LOST)) {
            return new LostCard(facts.screenMessage());
        }
        if (facts.validUntil().isPresent() && facts.validUntil().get().isBefore(today)) {
            return new ExpiredCard(facts.validUntil().get(), facts.screenMessage());
        }
        if (facts.flags().contains(PatronFlag.CHARGE_PRIVILEGES_DENIED)) {
            return new BlockedPatron(facts.flags(), facts.screenMessage());
        }
        return new ValidPatron(facts.flags(), facts.validUntil(), facts.birthDate(), facts.screenMessage());
    }
}
