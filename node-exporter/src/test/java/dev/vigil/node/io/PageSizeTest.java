package dev.vigil.node.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PageSizeTest {

    @Test
    void findsAtPageszInA64BitVector() {
        ByteBuffer auxv = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        auxv.putLong(33).putLong(0x7fff0000L).putLong(6).putLong(65536).putLong(0).putLong(0);
        assertEquals(65536, PageSize.parseAuxv(auxv.array(), 8, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void findsAtPageszInA32BitBigEndianVector() {
        ByteBuffer auxv = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        auxv.putInt(16).putInt(0xbfebfbff).putInt(6).putInt(16384).putInt(0).putInt(0);
        assertEquals(16384, PageSize.parseAuxv(auxv.array(), 4, ByteOrder.BIG_ENDIAN));
    }

    @Test
    void fallsBackTo4096() {
        assertEquals(4096, PageSize.parseAuxv(new byte[0], 8, ByteOrder.LITTLE_ENDIAN));
        assertEquals(4096, PageSize.fromAuxv(Path.of("/nonexistent/auxv")));
    }

    @Test
    void thisHostHasAPowerOfTwoPageSize() {
        int size = PageSize.bytes();
        assertTrue(size >= 4096 && Integer.bitCount(size) == 1, "page size " + size);
    }
}
