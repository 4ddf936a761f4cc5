package org.culturecard.central.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.roaringbitmap.RoaringBitmap;

/**
 * One row of {@code report_rollup}: the check-ins at one venue and event (null: a general visit)
 * on one UTC day, and the people behind them as bitmaps of person ids: {@code seen} had at least
 * one check-in there that day, {@code twice} (a subset of seen) at least two.
 */
record RollupRow(LocalDate day, String venueId, UUID eventId, long checkIns, RoaringBitmap seen, RoaringBitmap twice) {

    RollupRow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(twice, "twice");
    }

    /** RoaringBitmap's portable serialisation, as stored in the {@code bytea} columns. */
    static byte[] serialise(RoaringBitmap bitmap) {
        bitmap.runOptimize();
        ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
        bitmap.serialize(buffer);
        return buffer.array();
    }

    static RoaringBitmap deserialise(byte[] bytes) {
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("a report_rollup bitmap does not deserialise", e);
        }
        return bitmap;
    }
}
