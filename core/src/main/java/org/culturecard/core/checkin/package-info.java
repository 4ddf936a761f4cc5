/**
 * {@link CheckIn}: one young person's visit as a kiosk records it, with a token for the person and
 * a gap-free per-kiosk sequence number. It is the record that the kiosk's store writes, the sync
 * agent forwards in a {@link org.culturecard.core.wire.CheckInBatch} and central stores.
 * Depends only on core's card, ids and privacy packages.
 */
package org.culturecard.core.checkin;
