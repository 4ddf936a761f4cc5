package org.culturecard.kiosk.cds;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AppCDS archive bin/culturecard-kiosk named in {@value #ARCHIVE_PROPERTY}. Started with
 * {@value #DUMP_PROPERTY}{@code =true} (and {@code -XX:+RecordDynamicDumpInfo}), the JVM has no
 * archive yet: {@link #settle()} writes one of the classes loaded so far (JDK 17's {@code VM.cds
 * dynamic_dump}, through the DiagnosticCommand MBean) to a temporary file and moves it into place.
 * Started with the archive, {@link #settle()} clears the launcher's "trying" mark, checks that the
 * JVM mapped it and removes it if not (another JVM or changed jars), so that the next start makes a
 * fitting one.
 */
public final class ClassDataArchive {
    public static final String ARCHIVE_PROPERTY = "culturecard.kiosk.cds.archive";
    public static final String DUMP_PROPERTY = "culturecard.kiosk.cds.dump";
    /** Long enough for the attract screen and its first frames, so their classes are in the archive. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final Path MAPS = Path.of("/proc/self/maps");

    /** What {@link #settle()} did. */
    public enum Outcome { WRITTEN, IN_USE, REMOVED_UNUSED, FAILED }

    private final Path archive;
    private final boolean dump;
    private final Path maps;

    ClassDataArchive(Path archive, boolean dump, Path maps) {
        this.archive = archive;
        this.dump = dump;
        this.maps = maps;
    }

    /** The archive the launcher set up for this JVM, if any. */
    public static Optional<ClassDataArchive> fromSystemProperties(Properties properties) {
        String path = properties.getProperty(ARCHIVE_PROPERTY, "").trim();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataArchive(Path.of(path), Boolean.parseBoolean(properties.getProperty(DUMP_PROPERTY)),
                MAPS));
    }

    /**
     * Settles the archive at once and prints the {@link Outcome}: for an operator who wants it
     * written now, and for the tests, through bin/culturecard-kiosk with this as the main class.
     */
    public static void main(String[] args) {
        Optional<ClassDataArchive> archive = fromSystemProperties(System.getProperties());
        if (archive.isEmpty()) {
            System.err.println("no -D" + ARCHIVE_PROPERTY + ": start this through bin/culturecard-kiosk");
            System.exit(2);
        }
        System.out.println(archive.get().settle());
    }

    /** Runs {@link #settle()} on a daemon thread after {@code delay}, never on the JavaFX thread. */
    public void settleLater(Duration delay) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                settle();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cds-archive");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Writes the archive when asked to, else removes it if this JVM did not map it. Never throws. */
    public Outcome settle() {
        try {
            if (dump) {
                write();
                LOG.info("AppCDS archive written to {}; the next start maps it", archive);
                return Outcome.WRITTEN;
            }
            Files.deleteIfExists(trying());
            if (isMapped()) {
                return Outcome.IN_USE;
            }
            Files.deleteIfExists(archive);
            LOG.info("AppCDS archive {} was not used by this JVM (another JVM or changed jars?); removed, the next start"
                    + " makes a new one", archive);
            return Outcome.REMOVED_UNUSED;
        } catch (IOException | JMException | RuntimeException e) {
            LOG.warn("AppCDS archive {}: {}; the kiosk runs without it", archive, e.toString());
            return Outcome.FAILED;
        }
    }

    /** Whether this JVM mapped the archive: it then appears in /proc/self/maps. */
    boolean isMapped() throws IOException {
        String name = archive.toAbsolutePath().toString();
        List<String> lines = Files.readAllLines(maps);
        return lines.stream().anyMatch(line -> line.endsWith(" " + name));
    }

    private void write() throws IOException, JMException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "vmCds", new Object[] {new String[] {"dynamic_dump", partial.toAbsolutePath().toString()}},
                new String[] {String[].class.getName()});
        if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
            throw new IOException("VM.cds dynamic_dump wrote nothing (is -XX:+RecordDynamicDumpInfo set?)");
        }
        // Durable before it gets its name: JDK 17 crashes (SIGBUS) on an archive cut short by a power cut.
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.READ)) {
            channel.force(true);
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The launcher's mark of a start with the archive that has not reached {@link #settle()} yet. */
    private Path trying() {
        return archive.resolveSibling(archive.getFileName() + ".trying");
    }

    Path archive() {
        return archive;
    }
}
