package org.culturecard.provisioning.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.culturecard.core.privacy.SchemeKey;

/**
 * The scheme's HMAC key file on the provisioning side: reads it as the kiosk does
 * ({@link SchemeKey#parse}) and creates a new one in the format of ADR 20.
 */
public final class SchemeKeyFiles {
    /** The file's permissions when created: read and write for its owner only. */
    public static final String MODE = "rw-------";

    private SchemeKeyFiles() {}

    public static SchemeKey load(Path file) throws IOException {
        return SchemeKey.parse(Files.readAllBytes(file));
    }

    /**
     * Writes a new random key to {@code file} (ADR 20): {@value SchemeKey#MIN_BYTES} bytes from
     * {@code random} as 64 lowercase hex digits and one line feed, US-ASCII, created with mode 0600.
     * The file is created, never replaced, and read back before this returns.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists (a key is never overwritten)
     */
    public static void create(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[SchemeKey.MIN_BYTES];
        random.nextBytes(key);
        byte[] text = (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(key, (byte) 0);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(MODE)));
        try {
            Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            load(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file); // never leave a half-written key behind to be refused or, worse, used
            throw e;
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }
}
