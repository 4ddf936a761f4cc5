/**
 * A card as presented to a reader: {@link CardTap}, its {@link CardUid} and its {@link CardKind}.
 * The raw UID lives here only in memory: {@code CardUid} has no text accessor, its {@code toString()}
 * is masked, and its one way out is {@link org.culturecard.core.privacy.Pseudonymiser}'s token.
 * Depends on nothing else of Culture Card; used by card-reader, the kiosk's check-in and store,
 * provisioning's tap test and central's store, and it must never reach a wire message.
 */
package org.culturecard.core.card;
