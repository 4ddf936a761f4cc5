/** The issuer's Ed25519 signing keys: the 0600 key file, its key id, the published public keys (rotation), and the CLI that makes a key file. */
package org.culturecard.badges.keys;
