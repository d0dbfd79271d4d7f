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
import java.time.Duration;
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
}
