package org.culturecard.badges;

import java.net.URI;
import java.util.Optional;

/**
 * Where a verifier gets a status list credential (the signed JSON) by its URL: central's own store,
 * or an HTTP client in a verifier elsewhere. Empty when there is none at that URL.
 */
@FunctionalInterface
public interface StatusListSource {
    Optional<String> statusListCredential(URI url);
}
