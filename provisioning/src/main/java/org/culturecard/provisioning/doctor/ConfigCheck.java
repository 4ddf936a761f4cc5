package org.culturecard.provisioning.doctor;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.SchemeKeyFiles;
import org.culturecard.provisioning.kiosk.KioskBundles;

/**
 * The doctor's config check: kiosk.properties and sync.properties present, complete and consistent,
 * the broker an {@code ssl://} URI, and the scheme key file (ADR 20) private to the kiosk user.
 */
final class ConfigCheck {

    private ConfigCheck() {}

    static CheckResult check(Path dir, Properties kiosk, Properties sync) {
        try {
            load(dir.resolve(KioskBundles.KIOSK_PROPERTIES), kiosk);
            load(dir.resolve(KioskBundles.SYNC_PROPERTIES), sync);
            for (String key : List.of("venue.id", "kiosk.id", "venue.name", "database.path", "scheme.key.path")) {
                require(kiosk, key, KioskBundles.KIOSK_PROPERTIES);
            }
            for (String key : List.of("broker.uri", "venue.id", "kiosk.id", "database.path", "tls.ca-cert", "tls.client-cert", "tls.client-key")) {
                require(sync, key, KioskBundles.SYNC_PROPERTIES);
            }
            VenueId.of(kiosk.getProperty("venue.id"));
            KioskId.of(kiosk.getProperty("kiosk.id"));
            for (String key : List.of("venue.id", "kiosk.id", "database.path")) {
                if (!kiosk.getProperty(key).equals(sync.getProperty(key))) {
                    throw new IllegalArgumentException(key + " differs between kiosk.properties and sync.properties");
                }
            }
            URI broker = URI.create(sync.getProperty("broker.uri"));
            if (!"ssl".equals(broker.getScheme()) || broker.getHost() == null) {
                throw new IllegalArgumentException("broker.uri must be ssl://HOST:PORT, not " + broker);
            }
            return schemeKey(Path.of(kiosk.getProperty("scheme.key.path")), dir.resolve(KioskBundles.KIOSK_PROPERTIES),
                    kiosk.getProperty("kiosk.id"));
        } catch (java.nio.file.NoSuchFileException e) {
            return CheckResult.fail("config", e.getFile() + " is missing", "re-install the kiosk's bundle from 'provision kiosk create'");
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.fail("config", e.getMessage(), "re-install the kiosk's bundle from 'provision kiosk create'");
        }
    }

    /**
     * The scheme key file (ADR 20): present, no permission beyond 0640, owned by the kiosk user (the
     * owner of kiosk.properties: install/kiosk.sh installs both for that user), and a well-formed key.
     */
    private static CheckResult schemeKey(Path key, Path kioskProperties, String kioskId) throws IOException {
        if (!Files.isReadable(key)) {
            return CheckResult.fail("config", "scheme key " + key + " is missing or unreadable",
                    "install the council's scheme key there (install/kiosk.sh --scheme-key FILE: mode 0600, owned by the kiosk user)");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(key);
        String mode = PosixFilePermissions.toString(permissions);
        if (!mode.endsWith("---")) {
            return CheckResult.fail("config", "scheme key " + key + " is readable by others (" + mode + ")", "chmod 600 " + key);
        }
        if (!PosixFilePermissions.fromString("rw-r-----").containsAll(permissions)) {
            return CheckResult.fail("config", "scheme key " + key + " is mode " + mode + ", wider than 0640 (rw-r-----)", "chmod 600 " + key);
        }
        String owner = Files.getOwner(key).getName();
        String kioskUser = Files.getOwner(kioskProperties).getName();
        if (!owner.equals(kioskUser)) {
            return CheckResult.fail("config", "scheme key " + key + " is owned by " + owner + ", not by " + kioskUser
                    + " (the owner of " + kioskProperties.getFileName() + ", the kiosk user)", "chown " + kioskUser + " " + key);
        }
        try {
            SchemeKeyFiles.load(key);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail("config", "scheme key " + key + " is not a scheme key: " + e.getMessage(),
                    "install the council's scheme key file as made by 'provision scheme-key create' (64 hex digits)");
        }
        return CheckResult.pass("config", "kiosk " + kioskId + " valid; scheme key " + key + " mode " + octal(permissions));
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission permission : permissions) {
            bits |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", bits);
    }

    private static void load(Path file, Properties into) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(in);
        }
    }

    private static void require(Properties properties, String key, String file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + ": " + key + " is missing");
        }
    }
}
