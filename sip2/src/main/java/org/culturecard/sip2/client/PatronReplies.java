package org.culturecard.sip2.client;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.culturecard.sip2.BirthDate;
import org.culturecard.sip2.LmsUnavailable.Reason;
import org.culturecard.sip2.PatronBarcode;
import org.culturecard.sip2.PatronFacts;
import org.culturecard.sip2.PatronFlag;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.internal.Frame;
import org.culturecard.sip2.internal.Replies;
import org.culturecard.sip2.internal.Sip2CodecException;
import org.culturecard.sip2.internal.SipDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a patron status (24) or patron information (64) reply into {@link PatronFacts}. Only the
 * fields the scheme needs are read at all ({@link #keep(Sip2Config)}): patron identifier (AA, to
 * check the reply is for the card we asked about), valid patron (BL), valid password (CQ), screen
 * message (AF), and the configured expiry and birth date fields. Name (AE), address (BD), e-mail
 * (BE), phone (BF) and everything else are skipped by the decoder without becoming strings.
 */
final class PatronReplies {
    private static final Logger LOG = LoggerFactory.getLogger(PatronReplies.class);
    /** SIP2 variable fields hold at most 255 characters; a screen message longer than that is cut. */
    private static final int MAX_SCREEN_MESSAGE = 255;

    private PatronReplies() {
    }

    static Predicate<String> keep(Sip2Config config) {
        Set<String> ids = Set.of("AA", "BL", "CQ", "AF", config.expiryField(), config.birthDateField());
        return ids::contains;
    }

    static PatronFacts facts(Frame reply, PatronBarcode asked, Sip2Config config) throws Sip2Failure {
        String patron = reply.first("AA").orElseThrow(
                () -> Sip2Failure.of(Reason.BAD_REPLY, "the " + reply.code() + " reply has no patron identifier (AA)"));
        if (!patron.trim().equalsIgnoreCase(asked.value().trim())) {
            throw Sip2Failure.of(Reason.BAD_REPLY, "the " + reply.code()
                    + " reply is for another patron (its AA differs from the barcode sent)");
        }
        try {
            return new PatronFacts(flags(reply.fixed()), Replies.yesNoField(reply, "BL"), Replies.yesNoField(reply, "CQ"),
                    date(reply, config.expiryField()), date(reply, config.birthDateField()).map(BirthDate::new),
                    screenMessage(reply));
        } catch (Sip2CodecException e) {
            throw Sip2Failure.badReply(e);
        }
    }

    /** The 14 patron status flags at the start of the fixed part: 'Y' set, blank or 'N' not set. */
    static Set<PatronFlag> flags(String fixed) throws Sip2CodecException {
        Set<PatronFlag> flags = EnumSet.noneOf(PatronFlag.class);
        for (int i = 0; i < PatronFlag.WIRE_ORDER.size(); i++) {
            char c = Character.toUpperCase(fixed.charAt(i));
            if (c == 'Y') {
                flags.add(PatronFlag.WIRE_ORDER.get(i));
            } else if (c != ' ' && c != 'N') {
                throw new Sip2CodecException("patron status position " + (i + 1) + " is neither 'Y' nor blank");
            }
        }
        return flags;
    }

    private static Optional<LocalDate> date(Frame reply, String id) {
        Optional<String> text = reply.first(id).filter(t -> !t.isBlank());
        Optional<LocalDate> date = text.flatMap(SipDates::date);
        if (text.isPresent() && date.isEmpty()) {
            LOG.warn("SIP2: field {} of a {} reply is not a date in a form we read (YYYYMMDD, YYYY-MM-DD); ignored", id, reply.code());
        }
        return date;
    }

    private static Optional<String> screenMessage(Frame reply) {
        String text = String.join(" ", reply.all("AF")).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String safe = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return Optional.of(safe.length() > MAX_SCREEN_MESSAGE ? safe.substring(0, MAX_SCREEN_MESSAGE) : safe);
    }
}
