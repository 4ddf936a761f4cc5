package org.culturecard.sync.agent;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the agent that the kiosk database's write-ahead log was written, which is how a committed
 * tap first shows (WAL mode: every commit appends to {@code <database>-wal}). A file watch
 * (inotify on Linux) on the database's folder: its thread sleeps in the kernel until something is
 * written, so it costs nothing while the kiosk is idle. A write is only a hint to look: the commit
 * may not be visible yet (SQLite writes the frames, then syncs, then publishes them), and the
 * agent's own writes are reported too, so the caller looks again for a short while ({@link Lookout}).
 */
final class WalWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log

    private final WatchService service;
    private final Path wal;
    private final Runnable written;
    private final Thread thread;

    private WalWatch(WatchService service, Path wal, Runnable written, String threadName) {
        this.service = service;
        this.wal = wal;
        this.written = written;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Watches {@code database}'s WAL and runs {@code written} (on the watch's thread) after it is written. */
    static WalWatch start(Path database, Runnable written, String threadName) throws IOException {
        Path absolute = database.toAbsolutePath();
        WatchService service = FileSystems.getDefault().newWatchService();
        try {
            absolute.getParent().register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        WalWatch watch = new WalWatch(service, Path.of(absolute.getFileName() + "-wal"), written, threadName);
        watch.thread.start();
        return watch;
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean hit = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    // An overflow lost events: one of them may have been the WAL.
                    hit |= event.kind() == StandardWatchEventKinds.OVERFLOW || wal.equals(event.context());
                }
                key.reset();
                if (hit) {
                    written.run();
                }
            }
        } catch (ClosedWatchServiceException e) {
            log.debug("WAL watch closed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the WAL watch failed: new check-ins are seen at the poll interval only: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            log.debug("closing the WAL watch: {}", e.toString());
        }
    }
}
