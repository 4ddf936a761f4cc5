package org.culturecard.kiosk.ui.sound;

import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.media.AudioClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Sounds} with JavaFX {@link AudioClip}s of two short tones shipped as WAV files (a rising
 * major third for a welcome, a low falling tone for a refusal). Clips load and play on a daemon
 * thread of their own, so the UI thread never waits; without an audio device the kiosk stays
 * silent and says so once in the log.
 */
public final class ClipSounds implements Sounds, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClipSounds.class);
    private final ExecutorService player = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kiosk-sounds");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Sound, AudioClip> clips = new EnumMap<>(Sound.class);
    private final AtomicBoolean failed = new AtomicBoolean();

    @Override
    public void play(Sound sound, int volume) {
        if (failed.get()) {
            return;
        }
        player.execute(() -> {
            try {
                clip(sound).play(volume / 100.0);
            } catch (RuntimeException | LinkageError e) {
                if (failed.compareAndSet(false, true)) {
                    LOG.warn("The kiosk cannot play sounds (no audio device?); staying silent: {}", e.toString());
                }
            }
        });
    }

    /**
     * True for an error from JavaFX's media engine. {@link AudioClip#play} fails on the engine's own
     * thread ("Could not create player!" without an audio device), where no caller can catch it:
     * the kiosk's uncaught-exception handler asks here, so that a missing speaker silences the
     * kiosk instead of cutting a welcome screen short.
     */
    public static boolean isAudioFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("com.sun.media.jfxmedia")) {
                return true;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("com.sun.media.jfxmedia")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The media engine failed on its own thread: stay silent from now on, and say so once. */
    public void giveUp(Throwable error) {
        if (failed.compareAndSet(false, true)) {
            LOG.warn("The kiosk cannot play sounds (no audio device?); staying silent: {}", error.toString());
        }
    }

    private AudioClip clip(Sound sound) {
        return clips.computeIfAbsent(sound, key -> {
            URL url = Objects.requireNonNull(ClipSounds.class.getResource(
                    "sounds/" + key.name().toLowerCase(java.util.Locale.ROOT) + ".wav"), key.name());
            return new AudioClip(url.toExternalForm());
        });
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
