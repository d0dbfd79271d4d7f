package dev.vigil.hub.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remote-write body's limits: what a hostile or broken sender gets back, and when. */
class WriteRequestDecoderTest {

    @Test
    void aTinyBodyDeclaringAHugeLengthIsRefusedBeforeAllocating() {
        // varint 100 MiB, then one literal byte: snappy cannot expand 6 bytes that far
        byte[] body = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x32, 0x00, 'x'};
        IOException e = assertThrows(IOException.class,
                () -> WriteRequestDecoder.decodeSnappy(body, body.length, RemoteWriteHandler.MAX_DECOMPRESSED));
        assertFalse(e instanceof WriteRequestDecoder.TooLargeException, "400, not 413: the body is corrupt");
        assertEquals("snappy: corrupt input (declares 104857600 bytes in a 6-byte body)", e.getMessage());
    }

    @Test
    void aDeclaredLengthAboveTheLimitIs413() {
        byte[] body = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01, 0x00};
        assertInstanceOf(WriteRequestDecoder.TooLargeException.class, assertThrows(IOException.class,
                () -> WriteRequestDecoder.decodeSnappy(body, body.length, RemoteWriteHandler.MAX_DECOMPRESSED)));
    }

    @Test
    void corruptSnappyIsAnIOException() {
        byte[] body = {0x05, (byte) 0xff, 0x01};
        IOException e = assertThrows(IOException.class, () -> WriteRequestDecoder.decodeSnappy(body, body.length, 1 << 20));
        assertTrue(e.getMessage().startsWith("snappy: "), e.getMessage());
    }

    /**
     * Duplicate label names were found by a linear search per label, so one series with many
     * labels took quadratic time (hours for a 128 MiB request). A hang guard, not a benchmark.
     */
    @Test
    void aSeriesWithManyLabelsDecodesInLinearTime() throws IOException {
        int labels = 200_000;
        byte[] request = series(labels, false);
        List<WriteRequestDecoder.Series> series = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> WriteRequestDecoder.decode(request));
        assertEquals(labels, series.get(0).labels().size());
        byte[] duplicated = series(labels, true);
        IOException e = assertThrows(IOException.class, () -> WriteRequestDecoder.decode(duplicated));
        assertEquals("duplicate label name l0", e.getMessage());
    }

    /** A request with one series whose fields {@code write} writes. */
    private static byte[] oneSeries(Writer write) throws IOException {
        byte[] series = message(write);
        return message(request -> request.writeByteArray(1, series));
    }

    private interface Writer {
        void to(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Writer write) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(body);
        write.to(out);
        out.flush();
        return body.toByteArray();
    }

    /**
     * A known field written with another wire type was read as its schema says: a timestamp sent
     * as a double came back as a varint of its first byte, a label name sent as a varint read a
     * length from it. Each is now a 400 naming the field, as in Prometheus' decoder.
     */
    @Test
    void aKnownFieldWithTheWrongWireTypeIsRejected() throws IOException {
        byte[] good = oneSeries(out -> {
            out.writeByteArray(1, message(l -> {
                l.writeString(1, "__name__");
                l.writeString(2, "up");
            }));
            out.writeByteArray(2, message(s -> {
                s.writeDouble(1, 1.5);
                s.writeInt64(2, 1000);
            }));
        });
        assertEquals(List.of("{__name__=\"up\"} [1000] [1.5]"), describe(WriteRequestDecoder.decode(good)));

        var cases = java.util.Map.<String, byte[]>of(
                "Sample.timestamp", oneSeries(out -> out.writeByteArray(2, message(s -> s.writeDouble(2, 1000)))),
                "Sample.value", oneSeries(out -> out.writeByteArray(2, message(s -> s.writeInt64(1, 7)))),
                "Label.name", oneSeries(out -> out.writeByteArray(1, message(l -> l.writeInt32(1, 3)))),
                "Label.value", oneSeries(out -> out.writeByteArray(1, message(l -> l.writeFixed32(2, 3)))),
                "TimeSeries.labels", oneSeries(out -> out.writeInt64(1, 5)),
                "TimeSeries.samples", oneSeries(out -> out.writeFixed64(2, 5)),
                "WriteRequest.timeseries", message(out -> out.writeInt32(1, 9)));
        cases.forEach((field, request) -> {
            IOException e = assertThrows(IOException.class, () -> WriteRequestDecoder.decode(request), field);
            assertTrue(e.getMessage().startsWith("wrong wire type ") && e.getMessage().contains(" for field " + field + " "),
                    e.getMessage());
        });
    }

    private static byte[] series(int labels, boolean duplicateLast) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(body);
        for (int i = 0; i < labels; i++) {
            String name = duplicateLast && i == labels - 1 ? "l0" : "l" + i;
            int size = CodedOutputStream.computeStringSize(1, name) + CodedOutputStream.computeStringSize(2, "v");
            out.writeTag(1, 2);
            out.writeUInt32NoTag(size);
            out.writeString(1, name);
            out.writeString(2, "v");
        }
        out.flush();
        byte[] inner = body.toByteArray();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        CodedOutputStream r = CodedOutputStream.newInstance(request);
        r.writeByteArray(1, inner);
        r.flush();
        return request.toByteArray();
    }

    private static byte[] seed(String path) throws IOException {
        try (InputStream in = WriteRequestDecoderTest.class.getResourceAsStream("WriteRequestDecoderFuzzTestInputs/" + path)) {
            return in.readAllBytes();
        }
    }

    private static List<String> describe(List<WriteRequestDecoder.Series> series) {
        List<String> out = new ArrayList<>();
        for (WriteRequestDecoder.Series s : series) {
            out.add(s.labels() + " " + Arrays.toString(s.timestamps()) + " " + Arrays.toString(s.values()));
        }
        return out;
    }

    /** The fuzz targets' binary seeds are the requests their README names, snappy and raw alike. */
    @Test
    void theFuzzSeedsAreTheRequestsTheirReadmeDescribes() throws IOException {
        var expected = java.util.Map.of(
                "metadata-skipped", List.of("{__name__=\"x\"} [1] [0.5]"),
                "node-cpu", List.of("{__name__=\"node_cpu_seconds_total\", cpu=\"0\", instance=\"10.0.0.1:9100\", job=\"node\", "
                        + "mode=\"idle\"} [1700000000000, 1700000015000] [123456.78, 123471.5]"),
                "two-series", List.of("{__name__=\"up\", job=\"node\"} [1700000000000] [1.0]",
                        "{__name__=\"go_goroutines\", job=\"hub\"} [1700000000000, -5] [NaN, Infinity]"),
                "utf8-values", List.of("{__name__=\"t\", path=\"/média/日本\"} [0] [-0.0]"));
        for (var e : expected.entrySet()) {
            byte[] raw = seed("protobuf/" + e.getKey() + ".pb");
            byte[] snappy = seed("snappyBody/" + e.getKey() + ".snappy");
            assertEquals(e.getValue(), describe(WriteRequestDecoder.decode(raw)), e.getKey());
            assertEquals(e.getValue(), describe(WriteRequestDecoder.decodeSnappy(snappy, snappy.length, 1 << 20)), e.getKey());
        }
    }
}
