package org.culturecard.kiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.culturecard.core.privacy.SchemeKey;
import org.culturecard.core.privacy.SchemeKeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's use of the scheme key file: read by core's {@link SchemeKeyFiles} (the one loader, ADR
 * 20), its failures reported as the config key {@code scheme.key.path}, and a warning when others
 * may read it (it is provisioned with mode 0600); and the demo key. The demo key is public by
 * design: tokens made with it are meaningless outside a demo.
 */
public final class SchemeKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(SchemeKeyFile.class);

    private SchemeKeyFile() {}

    public static SchemeKey load(Path file) {
        try {
            SchemeKey key = SchemeKeyFiles.load(file);
            warnIfOpen(file);
            return key;
        } catch (IOException e) {
            throw new KioskConfigException("scheme.key.path", "cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new KioskConfigException("scheme.key.path", e.getMessage());
        }
    }

    static void writeDemoKeyIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SchemeKeyFiles.create(file, demoKey());
        } catch (IOException e) {
            throw new KioskConfigException("scheme.key.path", "cannot write the demo key " + file + ": " + e.getMessage());
        }
    }

    /** The fixed demo key: SHA-256 of a public phrase. */
    private static byte[] demoKey() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("Culture Card demo scheme key: not for real cards".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void warnIfOpen(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn("The scheme key file {} is readable by others ({}); it should be mode 0600",
                        file, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions on this file system: {}", file);
        }
    }
}
