package org.culturecard.central.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.culturecard.core.config.ConfigReader;

/**
 * Open Badges settings (ADR 34): {@code central.badges.key-file} (the signing key, mode 0600; unset:
 * badges off), {@code central.badges.public-url} (https, required with a key: the achievements, the
 * status list and an https issuer's profile are served under it), {@code central.badges.issuer}
 * ({@code did:key}, the default, or {@code https}), {@code central.badges.issuer-name} and
 * {@code central.badges.published-key-files} (comma-separated retired key files whose public keys are
 * still published, for rotation). Read by {@link CentralConfig}.
 */
public record BadgeSettings(Path keyFile, URI publicUrl, String issuer, String issuerName, List<Path> publishedKeyFiles) {

    public static final String KEY_FILE = "central.badges.key-file";
    public static final String PUBLIC_URL = "central.badges.public-url";
    public static final String ISSUER = "central.badges.issuer";
    public static final String ISSUER_NAME = "central.badges.issuer-name";
    public static final String PUBLISHED_KEY_FILES = "central.badges.published-key-files";
    public static final Set<String> KEYS = Set.of(KEY_FILE, PUBLIC_URL, ISSUER, ISSUER_NAME, PUBLISHED_KEY_FILES);
    public static final String DID_KEY = "did:key";
    public static final String HTTPS = "https";
    /** No key: no badges. */
    public static final BadgeSettings OFF = new BadgeSettings(null, null, DID_KEY, "Culture Card", List.of());

    public BadgeSettings {
        CentralConfig.require(ISSUER, DID_KEY.equals(issuer) || HTTPS.equals(issuer), "must be did:key or https");
        CentralConfig.require(ISSUER_NAME, issuerName != null && !issuerName.isBlank(), "must not be empty");
        publishedKeyFiles = List.copyOf(publishedKeyFiles);
        CentralConfig.require(PUBLISHED_KEY_FILES, keyFile != null || publishedKeyFiles.isEmpty(),
                "needs " + KEY_FILE + " (the current key)");
        CentralConfig.require(PUBLIC_URL, keyFile == null || isPublicUrl(publicUrl),
                "must be https://host[/path], without query or fragment, when " + KEY_FILE + " is set");
    }

    /** Whether badges are on (a key file is set). */
    public boolean enabled() {
        return keyFile != null;
    }

    static BadgeSettings from(ConfigReader values) {
        String url = values.string(PUBLIC_URL, null);
        String published = values.string(PUBLISHED_KEY_FILES, "");
        return new BadgeSettings(values.path(KEY_FILE), url == null ? null : parse(url), values.string(ISSUER, DID_KEY),
                values.string(ISSUER_NAME, "Culture Card"), Arrays.stream(published.split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList());
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(PUBLIC_URL + " is not a URL: " + e.getMessage(), e);
        }
    }

    private static boolean isPublicUrl(URI url) {
        return url != null && HTTPS.equals(url.getScheme()) && url.getHost() != null && url.getQuery() == null
                && url.getFragment() == null;
    }

    @Override
    public String toString() {
        return "badges[" + (keyFile == null ? "off" : "key=" + keyFile + ", publicUrl=" + publicUrl + ", issuer=" + issuer
                + ", published=" + publishedKeyFiles) + "]";
    }
}
