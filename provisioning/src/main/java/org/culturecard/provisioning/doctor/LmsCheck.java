package org.culturecard.provisioning.doctor;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.culturecard.sip2.InvalidSip2ConfigException;
import org.culturecard.sip2.LibrarySystem;
import org.culturecard.sip2.LmsOnline;
import org.culturecard.sip2.LmsStatus;
import org.culturecard.sip2.LmsUnavailable;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.client.Sip2LibrarySystem;

/**
 * The doctor's library system check (issue 13, item 7): where kiosk.properties has a SIP2 section
 * ({@code sip2.*} keys, docs/sip2.md), log in (93/94, where a login is configured) and ask SC status
 * (99/98) through the sip2 module's client. Skipped without a SIP2 section. No credential is ever
 * printed: the report names the host, the login user at most, and the LMS's answer.
 */
final class LmsCheck {
    private final Function<Sip2Config, LibrarySystem> connect;

    LmsCheck(Clock clock) {
        this(config -> new Sip2LibrarySystem(config, clock));
    }

    /** @param connect opens the library system for a config (the sip2 client; a fake in tests) */
    LmsCheck(Function<Sip2Config, LibrarySystem> connect) {
        this.connect = connect;
    }

    CheckResult check(Properties kiosk) {
        Map<String, String> values = new LinkedHashMap<>();
        kiosk.stringPropertyNames().stream().filter(key -> key.startsWith("sip2.")).forEach(key -> values.put(key, kiosk.getProperty(key)));
        if (values.isEmpty()) {
            return CheckResult.skip("lms", "skipped: no sip2.* settings in kiosk.properties (this kiosk does not ask the library system)");
        }
        Sip2Config config;
        try {
            config = Sip2Config.fromValues(values);
        } catch (InvalidSip2ConfigException e) {
            return CheckResult.fail("lms", "the SIP2 settings are not valid: " + e.getMessage(),
                    "correct the sip2.* keys in kiosk.properties (docs/sip2.md lists them)");
        }
        String where = config.host() + ":" + config.port() + (config.tls() ? " (TLS)" : " (plain TCP)");
        LmsStatus status;
        try (LibrarySystem lms = connect.apply(config)) {
            status = lms.scStatus();
        }
        if (status instanceof LmsOnline online) {
            String login = config.loginUser() == null ? "no login configured" : "logged in as " + config.loginUser();
            return CheckResult.pass("lms", where + ": " + login + ", SC status online, SIP " + online.protocolVersion());
        }
        LmsUnavailable down = (LmsUnavailable) status;
        return CheckResult.fail("lms", where + " " + down.reason() + ": " + down.detail(), fix(down.reason()));
    }

    private static String fix(LmsUnavailable.Reason reason) {
        return switch (reason) {
            case UNREACHABLE -> "check the network, DNS and firewall to the LMS, and sip2.host and sip2.port";
            case TLS_FAILED -> "check sip2.tls and sip2.tls.ca-file: the LMS's certificate must be trusted and name sip2.host";
            case LOGIN_REFUSED -> "check sip2.login.user, sip2.login.password and sip2.login.location with the LMS's administrator";
            case LMS_OFFLINE -> "the LMS says it is off-line: ask its administrator";
            case TIMEOUT, CONNECTION_DROPPED, BUSY -> "retry; if it persists, check sip2.read-timeout-ms and the LMS's SIP2 server log";
            case BAD_REPLY -> "check sip2.checksums, sip2.delimiter and sip2.charset against the LMS's SIP2 settings";
        };
    }
}
