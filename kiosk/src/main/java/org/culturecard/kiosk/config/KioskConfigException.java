package org.culturecard.kiosk.config;

/** A configuration value is missing or wrong; the message names the key and how to set it. */
final class KioskConfigException extends IllegalArgumentException {
    private final String key;

    public KioskConfigException(String key, String problem) {
        super(key + ": " + problem + (problem.contains(KioskConfig.envName(key)) ? ""
                : " (set it in the kiosk properties file or as " + KioskConfig.envName(key) + ")"));
        this.key = key;
    }

    /** The property key at fault, e.g. {@code venue.id}. */
    public String key() {
        return key;
    }
}
