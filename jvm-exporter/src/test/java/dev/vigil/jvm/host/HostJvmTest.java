package dev.vigil.jvm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.jvm.perfdata.MalformedPerfDataException;
import dev.vigil.jvm.perfdata.PerfData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostJvmTest {
    /** Where the prologue keeps the number of entries the JVM has written so far. */
    private static final int NUM_ENTRIES = 28;

    @Test
    void mainIsFoundOnceAJvmFoundDuringStartupWritesItsCommand() throws IOException, MalformedPerfDataException {
        ByteBuffer region = ByteBuffer.wrap(Files.readAllBytes(Path.of("src/test/resources/perfdata/g1-jdk25.hsperfdata")))
                .order(ByteOrder.LITTLE_ENDIAN);
        int all = region.getInt(NUM_ENTRIES);
        // The region as a scan can see it in the JVM's first milliseconds: the entries written
        // before sun.rt.javaCommand and none after.
        int before = all;
        while (PerfData.parse(region.putInt(NUM_ENTRIES, before)).stringValue("sun.rt.javaCommand") != null) {
            before--;
        }
        region.putInt(NUM_ENTRIES, before);
        HostJvm jvm = new HostJvm(42, 1, Path.of("42"), "alice", "", region);
        assertEquals("", jvm.main());
        assertNull(jvm.perfData().stringValue("sun.rt.javaCommand"));

        region.putInt(NUM_ENTRIES, all);
        jvm.perfData();
        assertEquals("Idle", jvm.main(), "looked up again once the region gained entries");
    }
}
