package org.culturecard.sip2.client;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.OptionalInt;
import org.culturecard.sip2.LibrarySystem;
import org.culturecard.sip2.LmsOnline;
import org.culturecard.sip2.LmsStatus;
import org.culturecard.sip2.LmsUnavailable;
import org.culturecard.sip2.PatronBarcode;
import org.culturecard.sip2.PatronCheck;
import org.culturecard.sip2.PatronFacts;
import org.culturecard.sip2.PatronPin;
import org.culturecard.sip2.PatronVerdict;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.UnknownPatron;
import org.culturecard.sip2.WrongPin;
import org.culturecard.sip2.internal.Field;
import org.culturecard.sip2.internal.Frame;
import org.culturecard.sip2.internal.FrameCodec;
import org.culturecard.sip2.internal.Layouts;
import org.culturecard.sip2.internal.Messages;
import org.culturecard.sip2.internal.Replies;
import org.culturecard.sip2.internal.Replies.AcsStatus;
import org.culturecard.sip2.internal.Sip2CodecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library system over SIP2: the real adapter of {@link LibrarySystem}. It holds one connection
 * ({@link Sip2Session}), connects lazily on the first question, and turns every failure into
 * {@link LmsUnavailable}, logged once here with its reason and a log-safe detail (never a barcode,
 * PIN, name or birth date: barcodes appear in logs only as their length).
 *
 * <p>The clock gives the transaction date of each request and "today" for expiry; it is injected so
 * that tests can fix it.
 */
public final class Sip2LibrarySystem implements LibrarySystem {
    private static final Logger LOG = LoggerFactory.getLogger(Sip2LibrarySystem.class);
    /** Positions of patron status and patron information in ACS status's supported messages (BX). */
    private static final int BX_PATRON_STATUS = 0;
    private static final int BX_PATRON_INFORMATION = 7;

    private final Sip2Config config;
    private final Clock clock;
    private final FrameCodec codec;
    private final Sip2Session session;

    /** Validates the TLS settings at once (a bad CA file fails here, naming the key); connects on first use. */
    public Sip2LibrarySystem(Sip2Config config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = new FrameCodec(config.delimiter(), config.charset(), config.checksums());
        this.session = new Sip2Session(config, config.tls() ? TlsContexts.forConfig(config) : null, codec);
    }

    @Override
    public PatronCheck patronStatus(PatronBarcode barcode) {
        Frame request = Messages.patronStatus(Messages.LANGUAGE, LocalDateTime.now(clock), config.institutionId(),
                barcode.value(), config.terminalPassword(), null);
        if (!writable(barcode.value())) {
            return refusedBarcode(barcode);
        }
        return ask(Layouts.PATRON_STATUS_RESPONSE, request, barcode, false);
    }

    @Override
    public PatronCheck patronInformation(PatronBarcode barcode) {
        return information(barcode, null);
    }

    @Override
    public PatronCheck patronInformation(PatronBarcode barcode, PatronPin pin) {
        return information(barcode, Objects.requireNonNull(pin, "pin"));
    }

    @Override
    public LmsStatus scStatus() {
        try {
            AcsStatus status = session.call(Sip2Session::status);
            return new LmsOnline(status.protocolVersion(), status.supports(BX_PATRON_STATUS),
                    status.supports(BX_PATRON_INFORMATION));
        } catch (Sip2Failure failure) {
            return unavailable("SC status", failure);
        }
    }

    @Override
    public void close() {
        session.close();
    }

    private PatronCheck information(PatronBarcode barcode, PatronPin pin) {
        if (!writable(barcode.value())) {
            return refusedBarcode(barcode);
        }
        if (pin != null && !writable(pin.value())) {
            LOG.info("SIP2: a PIN refused before asking the LMS: it holds the field delimiter or a character {} cannot carry",
                    config.charset().name());
            return new WrongPin();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Frame request = Messages.patronInformation(Messages.LANGUAGE, now, config.institutionId(), barcode.value(),
                config.terminalPassword(), pin == null ? null : pin.value());
        PatronCheck check = ask(Layouts.PATRON_INFORMATION_RESPONSE, request, barcode, pin != null);
        if (!(check instanceof LmsUnavailable)) {
            endSession(barcode, now);
        }
        return check;
    }

    private PatronCheck ask(String expected, Frame request, PatronBarcode barcode, boolean pinGiven) {
        try {
            PatronFacts facts = session.call(link ->
                    PatronReplies.facts(link.exchange(request, expected, PatronReplies.keep(config)).frame(), barcode, config));
            PatronCheck check = PatronVerdict.decide(facts, pinGiven, LocalDate.now(clock));
            if (check instanceof LmsUnavailable unavailable) {
                LOG.warn("SIP2 {} answer cannot be trusted ({}): {}", request.code(), unavailable.reason(), unavailable.detail());
            }
            return check;
        } catch (Sip2Failure failure) {
            return unavailable("message " + request.code(), failure);
        }
    }

    private void endSession(PatronBarcode barcode, LocalDateTime now) {
        Frame end = Messages.endPatronSession(now, config.institutionId(), barcode.value(), config.terminalPassword());
        try {
            boolean ended = session.call(link -> {
                try {
                    return Replies.sessionEnded(link.exchange(end, Layouts.END_SESSION_RESPONSE, id -> !"AA".equals(id)).frame());
                } catch (Sip2CodecException e) {
                    throw Sip2Failure.badReply(e);
                }
            });
            if (!ended) {
                LOG.info("SIP2: the LMS did not end the patron session (36: N)");
            }
        } catch (Sip2Failure failure) {
            LOG.warn("SIP2 end patron session failed ({}): {}; the answer to the patron information stands",
                    failure.reason(), failure.getMessage());
        }
    }

    /** Whether {@code value} can go in a field on this LMS's wire (no delimiter, no line break, a character set that carries it). */
    private boolean writable(String value) {
        try {
            codec.encode(Frame.of(Layouts.PATRON_STATUS, "", new Field("AA", value)), OptionalInt.empty());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private UnknownPatron refusedBarcode(PatronBarcode barcode) {
        LOG.info("SIP2: a barcode ({} chars) refused before asking the LMS: it holds the field delimiter or a character {} "
                + "cannot carry", barcode.value().length(), config.charset().name());
        return UnknownPatron.withoutMessage();
    }

    private static LmsUnavailable unavailable(String what, Sip2Failure failure) {
        LOG.warn("SIP2 {} failed ({}): {}", what, failure.reason(), failure.getMessage());
        return new LmsUnavailable(failure.reason(), failure.getMessage());
    }
}
