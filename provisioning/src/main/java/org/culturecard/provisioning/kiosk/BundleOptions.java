package org.culturecard.provisioning.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What every bundle of a run shares.
 *
 * @param broker        the broker the sync agent connects to, e.g. {@code ssl://broker.example.org:8883}
 * @param schemeKeyPath where the scheme's HMAC key file lives on the kiosk (never copied into a bundle)
 * @param installDir    where the bundle's files will live on the kiosk; the properties name files there
 * @param dataDir       where the kiosk's SQLite store lives on the kiosk
 * @param validity      how long kiosk certificates are valid
 * @param renewBefore   an existing certificate expiring sooner than this is re-issued on a re-run
 */
public record BundleOptions(URI broker, Path schemeKeyPath, Path installDir, Path dataDir, Duration validity,
        Duration renewBefore) {
    public static final URI DEFAULT_BROKER = URI.create("ssl://broker.culturecard.local:8883");
    public static final Path DEFAULT_SCHEME_KEY = Path.of("/etc/culturecard/scheme.key");
    public static final Path DEFAULT_INSTALL_DIR = Path.of("/etc/culturecard");
    public static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/culturecard");

    public BundleOptions {
        String scheme = String.valueOf(broker.getScheme());
        if (!scheme.equals("ssl") || broker.getHost() == null) {
            throw new IllegalArgumentException("broker must be ssl://HOST:PORT (kiosks only speak TLS), not " + broker);
        }
        if (!schemeKeyPath.isAbsolute() || !installDir.isAbsolute() || !dataDir.isAbsolute()) {
            throw new IllegalArgumentException("the scheme key, install and data paths must be absolute");
        }
    }

    public static BundleOptions defaults() {
        return new BundleOptions(DEFAULT_BROKER, DEFAULT_SCHEME_KEY, DEFAULT_INSTALL_DIR, DEFAULT_DATA_DIR,
                Duration.ofDays(825), Duration.ofDays(30));
    }
}
