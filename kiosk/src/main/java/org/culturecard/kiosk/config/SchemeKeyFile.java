package org.culturecard.kiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.culturecard.core.privacy.SchemeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the scheme's HMAC key from its file in the format of ADR 20 ({@link SchemeKey#parse}). The key is
 * provisioned with mode 0600; a file readable by others is used but warned about. The demo key is
 * public by design: tokens made with it are meaningless outside a demo.
 */
public final class SchemeKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(SchemeKeyFile.class);

    private SchemeKeyFile() {}

    public static SchemeKey load(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            warnIfOpen(file);
            return SchemeKey.parse(content);
        } catch (IOException e) {
            throw new KioskConfigException("scheme.key.path", "cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new KioskConfigException("scheme.key.path", e.getMessage());
        }
    }

    /** The fixed demo key (SHA-256 of a public phrase), as hex text. */
    public static String demoKeyHex() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest("Culture Card demo scheme key: not for real cards".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static void writeDemoKeyIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, demoKeyHex() + "\n", StandardCharsets.US_ASCII);
            restrict(file);
        } catch (IOException e) {
            throw new KioskConfigException("scheme.key.path", "cannot write the demo key " + file + ": " + e.getMessage());
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions on this file system: {}", file);
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
