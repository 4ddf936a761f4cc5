package org.culturecard.core.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheme's HMAC key file (ADR 20), the one loader and maker of it: the kiosk, {@code provision
 * readers test}, {@code provision staff card}, {@code provision scheme-key create} and the doctor all
 * come here. Reading parses with {@link SchemeKey#parse}; making writes 64 lowercase hex digits and a
 * line feed, mode 0600, never over an existing file. What a too-open file means is the caller's to
 * say (the kiosk warns, the doctor fails). The one file I/O in core, beside the format it serves.
 */
public final class SchemeKeyFiles {
    /** The file's permissions when created: read and write for its owner only. */
    public static final String MODE = "rw-------";
    private static final Logger LOG = LoggerFactory.getLogger(SchemeKeyFiles.class);

    private SchemeKeyFiles() {}

    /**
     * Reads the key in {@code file}.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it does not hold a scheme key ({@link SchemeKey#parse})
     */
    public static SchemeKey load(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        try {
            return SchemeKey.parse(content);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Writes a new random key to {@code file} (ADR 20): {@value SchemeKey#MIN_BYTES} bytes from
     * {@code random}. See {@link #create(Path, byte[])}.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists (a key is never overwritten)
     */
    public static void create(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[SchemeKey.MIN_BYTES];
        random.nextBytes(key);
        try {
            create(file, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Writes {@code key} to a new {@code file} as lowercase hex digits and one line feed, US-ASCII,
     * created with mode 0600 (where the file system has POSIX permissions), synced, and read back
     * before this returns; a failed write leaves no file behind.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists (a key is never overwritten)
     */
    public static void create(Path file, byte[] key) throws IOException {
        byte[] text = (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Files.createFile(file, ownerOnly(file));
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

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            LOG.debug("No POSIX permissions on this file system: {}", file);
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(MODE))};
    }
}
