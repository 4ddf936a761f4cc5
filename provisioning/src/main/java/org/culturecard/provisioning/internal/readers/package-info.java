/**
 * {@code provision readers}: {@link TapTest} waits for one tap and shows the reader, the card kind
 * and the masked token (never the UID), with the scheme key read by core's {@code SchemeKeyFiles}
 * as the kiosk reads it (ADR 20). Depends on core and card-reader; used by the command line.
 */
package org.culturecard.provisioning.internal.readers;
