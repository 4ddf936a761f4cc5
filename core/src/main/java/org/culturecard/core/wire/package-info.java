/**
 * The MQTT wire format: every message ({@link CheckInBatch}, {@link BatchAck}, {@link KioskStatus},
 * {@link KioskEvents}, {@link VenueConfig}, {@link EnrolmentBatch}, {@link FilterChunk}), their
 * {@link Schemas} and {@link Topics}, {@link WireCodec}, the one JSON codec that refuses unknown
 * fields and bounds hostile input with a {@link WireFormatException}, and the chunking of large
 * retained payloads ({@link FilterChunks}, {@link FilterChunkCollector}). Depends on core's checkin,
 * enrolment, event, ids and staff packages; used by the kiosk's store (outbox payloads), the sync
 * agent and central, and by nothing in core below it.
 */
package org.culturecard.core.wire;
