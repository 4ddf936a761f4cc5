package org.culturecard.central.config;

import java.nio.file.Path;
import java.util.Set;
import org.culturecard.core.config.ConfigReader;

/**
 * Recognition's settings (ADR 33): {@code central.recognition.achievements-file} (the definitions,
 * JSON; unset: no achievements, nothing awarded) and {@code central.recognition.evaluate-seconds}
 * (default 5, 0 = off): how often the persons with new check-ins are evaluated.
 */
public record RecognitionSettings(Path achievementsFile, int evaluateSeconds) {

    public static final String ACHIEVEMENTS_FILE = "central.recognition.achievements-file";
    public static final String EVALUATE_SECONDS = "central.recognition.evaluate-seconds";
    public static final Set<String> KEYS = Set.of(ACHIEVEMENTS_FILE, EVALUATE_SECONDS);
    /** No file, evaluation every 5 s (of nothing). */
    public static final RecognitionSettings DEFAULTS = new RecognitionSettings(null, 5);

    public RecognitionSettings {
        CentralConfig.require(EVALUATE_SECONDS, evaluateSeconds >= 0 && evaluateSeconds <= 86_400,
                "must be 0 (off) to 86400 seconds");
    }

    static RecognitionSettings from(ConfigReader values) {
        return new RecognitionSettings(values.path(ACHIEVEMENTS_FILE), values.integer(EVALUATE_SECONDS, 5));
    }

    @Override
    public String toString() {
        return "recognition[file=" + (achievementsFile == null ? "(none)" : achievementsFile) + ", evaluateSeconds="
                + evaluateSeconds + "]";
    }
}
