package org.culturecard.kiosk.ui.sound;

/**
 * The kiosk's two sounds: a bright one for a welcome and a soft, lower one for a refusal, so a
 * young person who cannot read the screen still knows. Implementations never block the caller and
 * never throw (a kiosk with no audio device stays silent).
 */
public interface Sounds {
    /** No sound at all (tests, and kiosks without audio). */
    Sounds SILENT = (sound, volume) -> { };

    enum Sound { SUCCESS, REFUSAL }

    /** Plays {@code sound} at {@code volume} (0 to 100). */
    void play(Sound sound, int volume);
}
