/**
 * {@code provision readers}: {@link TapTest} waits for one tap and shows the reader, the card kind
 * and the masked token (never the UID), with the scheme key read by {@link SchemeKeyFiles} as the
 * kiosk reads it. Depends on core and card-reader; used by the command line only.
 */
package org.culturecard.provisioning.readers;
