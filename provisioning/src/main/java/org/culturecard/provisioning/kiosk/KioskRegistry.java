package org.culturecard.provisioning.kiosk;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.provisioning.ca.Pem;

/**
 * The scheme's kiosk registry, which kiosk is at which venue: the {@code kiosk.properties} of every
 * bundle in the bundles directory that {@code provision kiosk create} and {@code kiosk bulk} write.
 * It is the one source the broker's ACL and central's registry are made from (ADR 6); nothing a
 * kiosk sends changes it. Every id read is validated, because an id is written into the ACL: a
 * venue id holding {@code +} or {@code #} would widen a kiosk's rights.
 */
public final class KioskRegistry {
    private final Path bundles;

    public KioskRegistry(Path bundles) {
        this.bundles = bundles;
    }

    /** The bundles directory this registry reads. */
    public Path directory() {
        return bundles;
    }

    /**
     * Every kiosk and its venue, sorted by kiosk id.
     *
     * @throws IOException naming the directory when it is missing or holds no bundle, or the file and
     *     key when a bundle's ids are missing or invalid
     */
    public Map<KioskId, VenueId> kiosks() throws IOException {
        if (!Files.isDirectory(bundles)) {
            throw new IOException("no kiosk registry: " + bundles + " is not a directory of kiosk bundles"
                    + " (write them with 'provision kiosk create' or 'kiosk bulk')");
        }
        Map<KioskId, VenueId> kiosks = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        try (Stream<Path> dirs = Files.list(bundles)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path file = dir.resolve(KioskBundles.KIOSK_PROPERTIES);
                if (!dir.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
                    Properties properties = load(file);
                    kiosks.put(KioskId.of(valid(properties, file, "kiosk.id", KioskId::isValid)),
                            VenueId.of(valid(properties, file, "venue.id", VenueId::isValid)));
                }
            }
        }
        if (kiosks.isEmpty()) {
            throw new IOException("no kiosk registry: " + bundles + " holds no kiosk bundle (no */"
                    + KioskBundles.KIOSK_PROPERTIES + "); write them with 'provision kiosk create' or 'kiosk bulk'");
        }
        return Collections.unmodifiableMap(kiosks);
    }

    /** The venue of {@code kiosk}, or an error naming the bundle that is missing. */
    public VenueId venueOf(KioskId kiosk) throws IOException {
        Path file = bundles.resolve(kiosk.value()).resolve(KioskBundles.KIOSK_PROPERTIES);
        if (!Files.isRegularFile(file)) {
            throw new IOException("kiosk " + kiosk + " is not in the registry: " + file + " is missing");
        }
        return VenueId.of(valid(load(file), file, "venue.id", VenueId::isValid));
    }

    /**
     * Moves {@code kiosk} to {@code venue}: rewrites {@code venue.id} in its bundle's
     * {@code kiosk.properties} and {@code sync.properties}, leaving every other line as it was.
     * The key and certificate stay: the certificate names the kiosk, not its venue.
     *
     * @return the venue it was at
     */
    public VenueId move(KioskId kiosk, VenueId venue) throws IOException {
        VenueId old = venueOf(kiosk);
        Path dir = bundles.resolve(kiosk.value());
        for (String name : new String[] {KioskBundles.KIOSK_PROPERTIES, KioskBundles.SYNC_PROPERTIES}) {
            Path file = dir.resolve(name);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String moved = text.replaceAll("(?m)^venue\\.id=.*$", "venue.id=" + venue.value());
            Pem.writeText(file, moved, Pem.OWNER_ONLY);
        }
        return old;
    }

    private static String valid(Properties properties, Path file, String key, java.util.function.Predicate<String> check)
            throws IOException {
        String value = properties.getProperty(key);
        if (value == null || !check.test(value)) {
            throw new IOException(file + ": " + key + " is " + (value == null ? "missing" : "not a valid id: '" + value + "'")
                    + " (1-64 of a-z, 0-9 and '-')");
        }
        return value;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
