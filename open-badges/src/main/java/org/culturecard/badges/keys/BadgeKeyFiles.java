package org.culturecard.badges.keys;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.culturecard.badges.internal.Ed25519Keys;

/**
 * The issuer's key file, the one loader and maker of it: a JSON Multikey object ({@code type},
 * {@code keyId}, {@code publicKeyMultibase}, {@code secretKeyMultibase}), mode 0600. Loading refuses
 * a file that its group or others may read or write, naming the file; making never overwrites one.
 */
public final class BadgeKeyFiles {
    /** The file's permissions when created: read and write for its owner only. */
    public static final String MODE = "rw-------";
    private static final Set<PosixFilePermission> ALLOWED =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private BadgeKeyFiles() {}

    /**
     * Makes a new Ed25519 key with id {@code keyId} from {@code random} and writes it to the new
     * {@code file}, mode 0600, then reads it back.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code file} exists (a key is never overwritten)
     */
    public static SigningKey create(Path file, String keyId, SecureRandom random) throws IOException {
        SigningKey key = SigningKey.generate(keyId, random);
        String json = Json.createObjectBuilder()
                .add("type", "Multikey")
                .add("keyId", keyId)
                .add("publicKeyMultibase", key.published().publicKeyMultibase())
                .add("secretKeyMultibase", Ed25519Keys.secretKeyMultibase(key.privateKey()))
                .build() + "\n";
        Files.createFile(file, ownerOnly(file));
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return load(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file); // never leave a half-written key behind
            throw e;
        }
    }

    /**
     * Reads the key in {@code file}.
     *
     * @throws InsecureKeyFileException when the file's group or others have any permission on it
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it does not hold an Ed25519 key whose halves match, naming the file
     */
    public static SigningKey load(Path file) throws IOException {
        requireOwnerOnly(file);
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("badge key file " + file + " is not a JSON object", e);
        }
        try {
            String keyId = json.getString("keyId");
            PublicKey publicKey = Ed25519Keys.publicKey(json.getString("publicKeyMultibase"));
            PrivateKey privateKey = Ed25519Keys.privateKey(json.getString("secretKeyMultibase"));
            if (!Ed25519Keys.isPair(privateKey, publicKey)) {
                throw new IllegalArgumentException("the public key is not the secret key's");
            }
            return new SigningKey(keyId, privateKey, publicKey);
        } catch (NullPointerException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("badge key file " + file + " does not hold an Ed25519 Multikey with a"
                    + " keyId, publicKeyMultibase and secretKeyMultibase that match: " + e.getMessage(), e);
        }
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!ALLOWED.containsAll(permissions)) {
            throw new InsecureKeyFileException("badge key file " + file + " has mode "
                    + PosixFilePermissions.toString(permissions) + ": others than its owner may use it. Refusing it;"
                    + " run chmod 600 " + file + " (and consider the key exposed if others could read it)");
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(MODE))};
    }
}
