package org.culturecard.kiosk.ui.sound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClipSoundsTest {

    @Test
    void recognisesTheMediaEnginesFailureWithoutAnAudioDeviceAndNothingElse() {
        // As thrown on JavaFX's clip thread when no audio device exists ("Could not create player!").
        RuntimeException noPlayer = new RuntimeException("Could not create player!");
        noPlayer.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.sun.media.jfxmediaimpl.NativeMediaManager", "getPlayer", "NativeMediaManager.java", 299),
            new StackTraceElement("com.sun.media.jfxmediaimpl.NativeMediaAudioClipPlayer", "play", "NativeMediaAudioClipPlayer.java", 319)
        });
        assertThat(ClipSounds.isAudioFailure(noPlayer)).isTrue();
        assertThat(ClipSounds.isAudioFailure(new IllegalStateException("a bug of ours"))).isFalse();
        assertThat(ClipSounds.isAudioFailure(new RuntimeException("wrapped", noPlayer))).isTrue();
    }
}
