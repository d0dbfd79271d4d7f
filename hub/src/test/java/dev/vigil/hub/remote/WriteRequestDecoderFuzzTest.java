package dev.vigil.hub.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.hub.remote.sender.WriteRequestEncoder;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzz targets (Jazzer) for the remote-write receiver's decoding (snappy, then
 * {@code prompb.WriteRequest}). {@code snappyBody}: any request body either decodes or fails with
 * an {@link IOException} (the handler's 400, or 413 for {@link WriteRequestDecoder.TooLargeException}),
 * with the receiver's real size limit, so a small body declaring a huge length must not allocate
 * it. {@code protobuf}: any decompressed request either fails with an IOException or decodes to
 * series that our remote-write sender's encoder writes back to the same series. Seeds in
 * {@code WriteRequestDecoderFuzzTestInputs/<method>/}: small requests in the shape Prometheus
 * sends (labels sorted, __name__ first), raw and snappy-framed.
 */
class WriteRequestDecoderFuzzTest {

    @FuzzTest
    void snappyBody(byte[] body) {
        try {
            List<WriteRequestDecoder.Series> series = WriteRequestDecoder.decodeSnappy(body, body.length,
                    RemoteWriteHandler.MAX_DECOMPRESSED);
            for (WriteRequestDecoder.Series s : series) {
                assertEquals(s.timestamps().length, s.values().length);
            }
        } catch (IOException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "the 400 body says what is wrong");
        }
    }

    @FuzzTest
    void protobuf(byte[] request) {
        List<WriteRequestDecoder.Series> first;
        try {
            first = WriteRequestDecoder.decode(request);
        } catch (IOException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "the 400 body says what is wrong");
            return;
        }
        WriteRequestEncoder encoder = new WriteRequestEncoder();
        for (WriteRequestDecoder.Series s : first) {
            encoder.add(s.labels(), s.timestamps(), s.values(), s.timestamps().length);
        }
        List<WriteRequestDecoder.Series> second;
        try {
            second = WriteRequestDecoder.decode(Arrays.copyOf(encoder.bytes(), encoder.length()));
        } catch (IOException e) {
            throw new AssertionError("our encoder's request does not decode: " + e.getMessage(), e);
        }
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            WriteRequestDecoder.Series a = first.get(i);
            WriteRequestDecoder.Series b = second.get(i);
            assertEquals(a.labels(), b.labels());
            assertArrayEquals(a.timestamps(), b.timestamps());
            assertArrayEquals(bits(a.values()), bits(b.values()), "values, bit for bit");
        }
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
