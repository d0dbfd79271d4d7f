package dev.vigil.hub.remote.sender;

import com.google.protobuf.CodedOutputStream;
import dev.vigil.model.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Writes a {@code prompb.WriteRequest} in the protobuf wire format: {@code timeseries = 1}, each
 * with {@code labels = 1} ({@code name = 1, value = 2}, sorted by name) and {@code samples = 2}
 * ({@code double value = 1, int64 timestamp = 2}). The counterpart of the receiver's
 * {@code WriteRequestDecoder}; no generated classes. Reusable, not thread-safe.
 */
public final class WriteRequestEncoder {
    private byte[] out = new byte[64 << 10];
    private int length;

    /** Starts a new request. */
    public void reset() {
        length = 0;
    }

    /** Adds one series with its samples (in the order given). */
    public void add(Labels labels, long[] timestamps, double[] values, int count) {
        int seriesSize = seriesSize(labels, timestamps, count);
        int total = 1 + CodedOutputStream.computeUInt32SizeNoTag(seriesSize) + seriesSize;
        ensure(total);
        CodedOutputStream c = CodedOutputStream.newInstance(out, length, total);
        try {
            c.writeTag(1, 2);
            c.writeUInt32NoTag(seriesSize);
            for (int i = 0; i < labels.size(); i++) {
                c.writeTag(1, 2);
                c.writeUInt32NoTag(labelSize(labels.name(i), labels.value(i)));
                c.writeString(1, labels.name(i));
                c.writeString(2, labels.value(i));
            }
            for (int i = 0; i < count; i++) {
                c.writeTag(2, 2);
                c.writeUInt32NoTag(sampleSize(timestamps[i]));
                c.writeDouble(1, values[i]);
                c.writeInt64(2, timestamps[i]);
            }
            c.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        length += total;
    }

    public byte[] bytes() {
        return out;
    }

    public int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(length + more, out.length * 2));
        }
    }

    private static int labelSize(String name, String value) {
        return CodedOutputStream.computeStringSize(1, name) + CodedOutputStream.computeStringSize(2, value);
    }

    private static int sampleSize(long timestamp) {
        return CodedOutputStream.computeDoubleSize(1, 0) + CodedOutputStream.computeInt64Size(2, timestamp);
    }

    private static int seriesSize(Labels labels, long[] timestamps, int count) {
        int size = 0;
        for (int i = 0; i < labels.size(); i++) {
            int l = labelSize(labels.name(i), labels.value(i));
            size += 1 + CodedOutputStream.computeUInt32SizeNoTag(l) + l;
        }
        for (int i = 0; i < count; i++) {
            int s = sampleSize(timestamps[i]);
            size += 1 + CodedOutputStream.computeUInt32SizeNoTag(s) + s;
        }
        return size;
    }
}
