package org.culturecard.provisioning.kiosk;

import java.nio.file.Path;

/** What provisioning one kiosk did. A closed set: the bulk summary counts each. */
public sealed interface BundleOutcome {
    Path dir();

    /** A new bundle with a new key and certificate. */
    record Created(Path dir) implements BundleOutcome {}

    /** A valid bundle for the same kiosk and venue was already there and was left alone. */
    record Kept(Path dir) implements BundleOutcome {}

    /** The bundle was there but its certificate was expiring, expired, broken or from another CA. */
    record Renewed(Path dir, String why) implements BundleOutcome {}
}
