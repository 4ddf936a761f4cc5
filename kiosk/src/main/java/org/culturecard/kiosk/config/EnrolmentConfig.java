package org.culturecard.kiosk.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.culturecard.core.config.ConfigReader;
import org.culturecard.sip2.InvalidSip2ConfigException;
import org.culturecard.sip2.Sip2Config;

/**
 * Whether and how this kiosk registers library cards (issue 13), read from the kiosk's properties
 * file: an optional {@code sip2.*} section (sip2's {@link Sip2Config}; without it the Register
 * button says the library system is not configured), {@value #SELF_SERVICE} (the LMS allows card
 * holders to register with their PIN, and this kiosk has a scanner) and {@value #VALIDITY_MONTHS}
 * (how long an enrolment counts when the LMS gives no expiry). The {@code sip2.*} section holds the
 * LMS password, so a file that has one must be mode 0600 (no group or other access), or the kiosk
 * refuses to start.
 */
public record EnrolmentConfig(Optional<Sip2Config> sip2, boolean selfService, Period defaultValidity) {
    public static final String SIP2_PREFIX = "sip2.";
    public static final String SELF_SERVICE = "enrolment.self-service";
    public static final String VALIDITY_MONTHS = "enrolment.validity-months";
    private static final int DEFAULT_VALIDITY_MONTHS = 12;

    public EnrolmentConfig {
        if (sip2 == null || defaultValidity == null) {
            throw new IllegalArgumentException("sip2 and defaultValidity are required (sip2 may be empty)");
        }
        if (selfService && sip2.isEmpty()) {
            throw new KioskConfigException(SELF_SERVICE, "needs a sip2.* section (the library system to ask)");
        }
    }

    /** No library system: the kiosk does not register cards. */
    public static EnrolmentConfig none() {
        return new EnrolmentConfig(Optional.empty(), false, Period.ofMonths(DEFAULT_VALIDITY_MONTHS));
    }

    /** Reads the enrolment keys of the kiosk's properties {@code file}, checking its mode when it holds a sip2 section. */
    public static EnrolmentConfig load(Path file, Map<String, String> env) {
        Properties properties = KioskConfig.read(file);
        EnrolmentConfig config = from(properties, env);
        if (config.sip2().isPresent()) {
            requirePrivate(file);
        }
        return config;
    }

    /** Builds it from properties (environment overrides as for every kiosk key). */
    public static EnrolmentConfig from(Properties properties, Map<String, String> env) {
        Map<String, String> sip2Values = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(SIP2_PREFIX)) {
                sip2Values.put(key, properties.getProperty(key));
            }
        }
        Optional<Sip2Config> sip2;
        try {
            sip2 = sip2Values.isEmpty() ? Optional.empty() : Optional.of(Sip2Config.fromValues(sip2Values));
        } catch (InvalidSip2ConfigException e) {
            throw new KioskConfigException(SIP2_PREFIX + "*", e.getMessage());
        }
        ConfigReader settings = KioskConfig.reader(properties, env);
        int months = settings.integer(VALIDITY_MONTHS, DEFAULT_VALIDITY_MONTHS);
        if (months < 1 || months > 120) {
            throw new KioskConfigException(VALIDITY_MONTHS, "must be a whole number of months from 1 to 120");
        }
        return new EnrolmentConfig(sip2, settings.bool(SELF_SERVICE, false), Period.ofMonths(months));
    }

    private static void requirePrivate(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            for (PosixFilePermission p : permissions) {
                if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_")) {
                    throw new KioskConfigException(SIP2_PREFIX + "*", "the file " + file + " holds the library system's"
                            + " password and is mode " + PosixFilePermissions.toString(permissions)
                            + ": make it rw------- (chmod 600)");
                }
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (a developer's machine): nothing to check
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the mode of " + file + ": " + e.getMessage(), e);
        }
    }
}
