/**
 * Pseudonymisation: the scheme's secret {@link SchemeKey}, the {@link Pseudonymiser} (HMAC-SHA256
 * of a card's UID under that key) and the {@link Token} it makes, the only identity of a young
 * person that leaves the kiosk's memory. Depends only on {@code core.card}; used wherever a card
 * becomes a token (kiosk, provisioning's tap test) or a token is stored (sync agent, central).
 */
package org.culturecard.core.privacy;
