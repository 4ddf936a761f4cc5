package org.culturecard.kioskdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.enrolment.EnrolledFilter;

/**
 * The enrolled-card filter the sync agent last received from central, kept in a file beside the
 * kiosk database ({@value #FILE_NAME}), not in it (ADR 26, addendum): a filter of megabytes written
 * into the database would hold its write lock, and grow its WAL, while the kiosk records taps; a
 * file is replaced whole by an atomic rename, so a reader sees the old filter or the new one, never
 * half of one, and no lock is shared. The agent writes it ({@link #store}); the kiosk reads it
 * ({@link #read}) and asks {@link #stamp} (one {@code stat}, no read) whether a newer one is there.
 *
 * <p>The file, big-endian: the magic {@code CCKF}, the format byte ({@value #FORMAT}), the filter's
 * generation (long), when the agent received it (epoch milliseconds, long), then the filter in
 * {@link EnrolledFilter}'s own byte format. A file that is missing, short, of another format or not
 * a filter reads as no filter: the kiosk then welcomes every card as before (never refuses one).
 */
public final class EnrolledFilterFile {
    /** The file's name, in the kiosk database's folder. */
    public static final String FILE_NAME = "enrolled-filter.bin";
    static final int FORMAT = 1;
    private static final byte[] MAGIC = {'C', 'C', 'K', 'F'};
    private static final int HEADER = MAGIC.length + 1 + Long.BYTES + Long.BYTES;

    private final Path file;

    private EnrolledFilterFile(Path file) {
        this.file = file;
    }

    /** The filter file beside the kiosk database {@code databaseFile}. */
    public static EnrolledFilterFile beside(Path databaseFile) {
        Path folder = databaseFile.toAbsolutePath().getParent();
        return new EnrolledFilterFile(folder.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** A stored filter: its generation, when the agent received it, and the filter. */
    public record Stored(long generation, Instant receivedAt, EnrolledFilter filter) {
        public Stored {
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * What identifies one version of the file without reading it: it changes whenever the agent
     * stores a filter (the rename gives the file a new inode).
     */
    public record Stamp(Object fileKey, long modifiedMillis, long size) {}

    /**
     * Replaces the stored filter with {@code filterBytes} (synced to disk, then renamed over the old).
     *
     * @throws IllegalArgumentException when the bytes are not an {@link EnrolledFilter} (nothing is written)
     * @throws KioskDbException when the file cannot be written (the old one stays)
     */
    public void store(long generation, Instant receivedAt, byte[] filterBytes) {
        EnrolledFilter.fromBytes(filterBytes); // refuses what the kiosk could not read, before anything is written
        ByteBuffer content = ByteBuffer.allocate(HEADER + filterBytes.length).put(MAGIC).put((byte) FORMAT)
                .putLong(generation).putLong(receivedAt.toEpochMilli()).put(filterBytes).flip();
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            move(temporary);
        } catch (IOException e) {
            throw new KioskDbException("cannot store the enrolled-card filter in " + file + ": " + e.getMessage(), e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The generation stored, 0 when none (or the file is unreadable): the agent's starting point. */
    public long generation() {
        return read().map(Stored::generation).orElse(0L);
    }

    /** The stored filter, or empty when there is none or the file is not one this version reads. */
    public Optional<Stored> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new KioskDbException("cannot read the enrolled-card filter " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length <= HEADER || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || bytes[MAGIC.length] != FORMAT) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, MAGIC.length + 1, Long.BYTES * 2);
        long generation = in.getLong();
        Instant receivedAt = Instant.ofEpochMilli(in.getLong());
        try {
            return Optional.of(new Stored(generation, receivedAt,
                    EnrolledFilter.fromBytes(Arrays.copyOfRange(bytes, HEADER, bytes.length))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The file's stamp, or empty when there is no file: one {@code stat}. */
    public Optional<Stamp> stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Stamp(attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new KioskDbException("cannot look at the enrolled-card filter " + file + ": " + e.getMessage(), e);
        }
    }
}
