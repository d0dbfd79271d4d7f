package dev.vigil.hub.remote;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.vigil.model.Labels;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a {@code prompb.WriteRequest} straight from the protobuf wire format:
 * {@code timeseries = 1} (each {@code labels = 1} {@code {name = 1, value = 2}} and
 * {@code samples = 2} {@code {double value = 1, int64 timestamp = 2}}); metadata, exemplars and
 * native histograms are skipped. Pure code over bytes.
 */
public final class WriteRequestDecoder {
    private WriteRequestDecoder() {
    }

    /** One series of the request: its labels and samples. */
    public record Series(Labels labels, long[] timestamps, double[] values) {
    }

    /** A body whose decompressed size is above the limit (HTTP 413). */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /**
     * Snappy's densest form (a 3-byte copy of 64 bytes) expands 64/3 times; a declared length above
     * this bound cannot come from the body, so it is refused before any buffer is allocated.
     */
    private static final int SNAPPY_MAX_RATIO = 22;

    /**
     * Decompresses a snappy block body ({@code body[0, length)}) and decodes the request. A
     * malformed body is an {@link IOException} (HTTP 400); one that decompresses to more than
     * {@code maxDecompressed} bytes a {@link TooLargeException} (413). The buffer allocated is
     * never more than the body can fill.
     */
    public static List<Series> decodeSnappy(byte[] body, int length, int maxDecompressed) throws IOException {
        byte[] raw;
        try {
            long size = SnappyDecompressor.getUncompressedLength(body, 0);
            if (size < 0 || size > maxDecompressed) {
                throw new TooLargeException("decompressed request of " + size + " bytes is too large");
            }
            if (size > (long) length * SNAPPY_MAX_RATIO + 16) {
                throw new IOException("snappy: corrupt input (declares " + size + " bytes in a " + length + "-byte body)");
            }
            raw = new byte[(int) size];
            int got = new SnappyDecompressor().decompress(body, 0, length, raw, 0, raw.length);
            if (got != size) {
                throw new IOException("snappy: decompressed " + got + " of " + size + " bytes");
            }
        } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException("snappy: corrupt input: " + e.getMessage(), e);
        }
        return decode(raw);
    }

    /**
     * Decodes the (already decompressed) request.
     *
     * @throws IOException on malformed protobuf or labels (empty name, duplicate name)
     */
    public static List<Series> decode(byte[] data) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data);
        in.setRecursionLimit(8);
        List<Series> out = new ArrayList<>();
        String[][] names = {new String[16]}; // label names of the series being read, reused across series
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "WriteRequest.timeseries");
                int limit = in.pushLimit(in.readRawVarint32());
                out.add(series(in, names));
                in.popLimit(limit);
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        return out;
    }

    private static Series series(CodedInputStream in, String[][] names) throws IOException {
        Labels.Builder labels = Labels.builder();
        int nameCount = 0;
        long[] ts = new long[4];
        double[] vs = new double[4];
        int n = 0;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1) {
                expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "TimeSeries.labels");
                int limit = in.pushLimit(in.readRawVarint32());
                String name = "";
                String value = "";
                while (!in.isAtEnd()) {
                    int t = in.readTag();
                    switch (WireFormat.getTagFieldNumber(t)) {
                        case 1 -> {
                            expect(t, WireFormat.WIRETYPE_LENGTH_DELIMITED, "Label.name");
                            name = in.readStringRequireUtf8();
                        }
                        case 2 -> {
                            expect(t, WireFormat.WIRETYPE_LENGTH_DELIMITED, "Label.value");
                            value = in.readStringRequireUtf8();
                        }
                        default -> in.skipField(t);
                    }
                }
                in.popLimit(limit);
                if (name.isEmpty()) {
                    throw new IOException("invalid label: empty name");
                }
                if (nameCount == names[0].length) {
                    names[0] = Arrays.copyOf(names[0], nameCount * 2);
                }
                names[0][nameCount++] = name;
                labels.set(name, value);
            } else if (field == 2) {
                expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "TimeSeries.samples");
                int limit = in.pushLimit(in.readRawVarint32());
                double value = 0;
                long timestamp = 0;
                while (!in.isAtEnd()) {
                    int t = in.readTag();
                    switch (WireFormat.getTagFieldNumber(t)) {
                        case 1 -> {
                            expect(t, WireFormat.WIRETYPE_FIXED64, "Sample.value");
                            value = in.readDouble();
                        }
                        case 2 -> {
                            expect(t, WireFormat.WIRETYPE_VARINT, "Sample.timestamp");
                            timestamp = in.readInt64();
                        }
                        default -> in.skipField(t);
                    }
                }
                in.popLimit(limit);
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                    vs = Arrays.copyOf(vs, n * 2);
                }
                ts[n] = timestamp;
                vs[n] = value;
                n++;
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        requireUniqueNames(names[0], nameCount);
        return new Series(labels.build(), Arrays.copyOf(ts, n), Arrays.copyOf(vs, n));
    }

    /**
     * A known field with another wire type than the schema's is an error, as in Prometheus' decoder
     * ("wrong wireType"): read as its schema says, it would yield garbage (a varint read as a
     * length, a double from a varint's bytes) instead of a clear 400.
     */
    private static void expect(int tag, int wireType, String field) throws IOException {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new IOException("wrong wire type " + WireFormat.getTagWireType(tag) + " for field " + field
                    + " (want " + wireType + ")");
        }
    }

    /**
     * Duplicate label names are an error (Prometheus: "label name is not unique"). Sorting first
     * keeps this O(n log n) for a series with thousands of labels, and is a single pass for the
     * sorted names senders write.
     */
    private static void requireUniqueNames(String[] names, int count) throws IOException {
        Arrays.sort(names, 0, count);
        for (int i = 1; i < count; i++) {
            if (names[i].equals(names[i - 1])) {
                throw new IOException("duplicate label name " + names[i]);
            }
        }
    }
}
