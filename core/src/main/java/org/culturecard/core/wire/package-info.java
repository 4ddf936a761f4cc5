/**
 * The MQTT wire format: every message ({@link CheckInBatch}, {@link BatchAck}, {@link KioskStatus},
 * {@link KioskEvents}, {@link VenueConfig}), their {@link Schemas} and {@link Topics}, and
 * {@link WireCodec}, the one JSON codec that refuses unknown fields and bounds hostile input with a
 * {@link WireFormatException}. Depends on core's checkin, event, ids and staff packages; used by the
 * kiosk's store (outbox payloads), the sync agent and central, and by nothing in core below it.
 */
package org.culturecard.core.wire;
