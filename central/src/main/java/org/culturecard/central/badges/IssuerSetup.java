package org.culturecard.central.badges;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.culturecard.badges.BadgeIssuer;
import org.culturecard.badges.IssuerDocuments;
import org.culturecard.badges.IssuerIdentity;
import org.culturecard.badges.keys.BadgeKeyFiles;
import org.culturecard.badges.keys.PublishedKey;
import org.culturecard.badges.keys.SigningKey;
import org.culturecard.central.config.BadgeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer central signs with, from its {@link BadgeSettings}: the current key file and the retired
 * ones still published, the issuer identity and the status list URL ({@code <public url>/badges/status/1}).
 * A key file that is unreadable, not 0600 or not a key stops central with a message naming the setting
 * and the file; without a key file badges are off, said once in the log.
 */
record IssuerSetup(BadgeIssuer issuer, IssuerIdentity identity, List<PublishedKey> published, URI publicUrl) {
    private static final Logger LOG = LoggerFactory.getLogger(IssuerSetup.class);

    IssuerSetup {
        published = List.copyOf(published);
    }

    /** The https issuer's profile, listing every published key; empty for a did:key issuer (nothing to serve). */
    Optional<String> profile() {
        return identity instanceof IssuerIdentity.HttpsProfile https
                ? Optional.of(IssuerDocuments.profile(https, published)) : Optional.empty();
    }

    /** The Multikey document of the published key {@code keyId} (https issuer); empty when there is none. */
    Optional<String> keyDocument(String keyId) {
        if (!(identity instanceof IssuerIdentity.HttpsProfile https)) {
            return Optional.empty();
        }
        return published.stream().filter(k -> k.keyId().equals(keyId)).findFirst().map(k -> IssuerDocuments.key(https, k));
    }

    static Optional<IssuerSetup> open(BadgeSettings settings) {
        if (!settings.enabled()) {
            LOG.info("Open Badges off: {} is not set", BadgeSettings.KEY_FILE);
            return Optional.empty();
        }
        SigningKey key = load(BadgeSettings.KEY_FILE, settings.keyFile());
        List<PublishedKey> published = new ArrayList<>(List.of(key.published()));
        for (Path file : settings.publishedKeyFiles()) {
            published.add(load(BadgeSettings.PUBLISHED_KEY_FILES, file).published());
        }
        Set<String> ids = new HashSet<>();
        for (PublishedKey k : published) {
            if (!ids.add(k.keyId())) {
                throw new IllegalArgumentException(BadgeSettings.PUBLISHED_KEY_FILES + ": two key files have the key id "
                        + k.keyId() + ": each key needs its own id");
            }
        }
        IssuerIdentity identity = BadgeSettings.HTTPS.equals(settings.issuer())
                ? new IssuerIdentity.HttpsProfile(settings.issuerName(), settings.publicUrl())
                : new IssuerIdentity.DidKey(settings.issuerName());
        String base = settings.publicUrl().toString().replaceAll("/+$", "");
        BadgeIssuer issuer = new BadgeIssuer(identity, key, URI.create(base + "/badges/status/1"), UUID::randomUUID);
        LOG.info("Open Badges on: issuer {}, key {}, {} key(s) published", settings.issuer(), key.keyId(), published.size());
        return Optional.of(new IssuerSetup(issuer, identity, published, URI.create(base)));
    }

    private static SigningKey load(String setting, Path file) {
        try {
            return BadgeKeyFiles.load(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(setting + ": cannot use the badge key file " + file + ": " + e.getMessage(), e);
        }
    }
}
