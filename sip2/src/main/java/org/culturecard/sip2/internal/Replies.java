package org.culturecard.sip2.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the fixed parts of the replies this client uses (94, 98, 36) and the two Y/N fields of
 * patron replies, refusing anything the spec does not allow with a {@link Sip2CodecException}.
 */
public final class Replies {
    private Replies() {
    }

    /** 94: true when the LMS accepted the login ({@code 1}), false when it refused it ({@code 0}). */
    public static boolean loginAccepted(Frame frame) throws Sip2CodecException {
        expect(frame, Layouts.LOGIN_RESPONSE);
        return switch (frame.fixed()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new Sip2CodecException("login response ok is neither 0 nor 1");
        };
    }

    /** 98: the ACS status. */
    public static AcsStatus acsStatus(Frame frame) throws Sip2CodecException {
        expect(frame, Layouts.ACS_STATUS);
        String fixed = frame.fixed();
        boolean online = yesNo("on-line status", fixed.charAt(0));
        String version = fixed.substring(30, 34);
        return new AcsStatus(online, version, frame.first("BX"));
    }

    /** 36: whether the LMS ended the patron session. */
    public static boolean sessionEnded(Frame frame) throws Sip2CodecException {
        expect(frame, Layouts.END_SESSION_RESPONSE);
        return yesNo("end session", frame.fixed().charAt(0));
    }

    /** A Y/N variable field (BL valid patron, CQ valid patron password), empty when absent. */
    public static Optional<Boolean> yesNoField(Frame frame, String id) throws Sip2CodecException {
        Optional<String> value = frame.first(id);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().trim().toUpperCase(Locale.ROOT);
        if (v.length() != 1) {
            throw new Sip2CodecException("field " + id + " is neither Y nor N");
        }
        return Optional.of(yesNo("field " + id, v.charAt(0)));
    }

    private static boolean yesNo(String what, char c) throws Sip2CodecException {
        return switch (c) {
            case 'Y' -> true;
            case 'N' -> false;
            default -> throw new Sip2CodecException(what + " is neither Y nor N");
        };
    }

    private static void expect(Frame frame, String code) throws Sip2CodecException {
        if (!frame.code().equals(code)) {
            throw new Sip2CodecException("expected a " + code + " reply, got a " + frame.code());
        }
    }

    /**
     * What ACS status (98) says.
     *
     * @param supportedMessages BX: sixteen Y/N, in the spec's order, where the LMS sends it
     */
    public record AcsStatus(boolean online, String protocolVersion, Optional<String> supportedMessages) {
        /** Position in BX of patron status request (0) and patron information (7). */
        public boolean supports(int position) {
            return supportedMessages.map(bx -> bx.length() <= position || bx.charAt(position) != 'N').orElse(true);
        }
    }
}
