package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.syscall.Timex;
import dev.vigil.node.testing.RecordingSink;
import org.junit.jupiter.api.Test;

class TimexCollectorTest {

    private static Timex timex(int state, int status, long offset, long jitter) {
        return new Timex(state, offset, 655360, 16000, 250, status, 2, 10000, 131072, jitter, 4, 65536, 1, 2, 3, 4, 37);
    }

    @Test
    void convertsKernelUnitsInMicroseconds() throws Exception {
        RecordingSink sink = new RecordingSink();
        new TimexCollector(() -> timex(0, 0x0001, 1500, 20)).update(sink);
        assertEquals(1.0, sink.value("node_timex_sync_status"));
        assertEquals(0.0015, sink.value("node_timex_offset_seconds"), 1e-15);
        assertEquals(1.00001, sink.value("node_timex_frequency_adjustment_ratio"), 1e-12);
        assertEquals(0.016, sink.value("node_timex_maxerror_seconds"), 1e-15);
        assertEquals(0.00025, sink.value("node_timex_estimated_error_seconds"), 1e-15);
        assertEquals(1.0, sink.value("node_timex_status"));
        assertEquals(2.0, sink.value("node_timex_loop_time_constant"));
        assertEquals(0.01, sink.value("node_timex_tick_seconds"), 1e-15);
        assertEquals(2e-6, sink.value("node_timex_pps_frequency_hertz"), 1e-18);
        assertEquals(2e-5, sink.value("node_timex_pps_jitter_seconds"), 1e-18);
        assertEquals(4.0, sink.value("node_timex_pps_shift_seconds"));
        assertEquals(1e-6, sink.value("node_timex_pps_stability_hertz"), 1e-18);
        assertEquals(1.0, sink.value("node_timex_pps_jitter_total"));
        assertEquals(2.0, sink.value("node_timex_pps_calibration_total"));
        assertEquals(3.0, sink.value("node_timex_pps_error_total"));
        assertEquals(4.0, sink.value("node_timex_pps_stability_exceeded_total"));
        assertEquals(37.0, sink.value("node_timex_tai_offset_seconds"));
    }

    @Test
    void nanosecondStatusAndUnsynchronisedClock() throws Exception {
        RecordingSink sink = new RecordingSink();
        new TimexCollector(() -> timex(Timex.TIME_ERROR, Timex.STA_NANO | 0x40, 1500, 20)).update(sink);
        assertEquals(0.0, sink.value("node_timex_sync_status"));
        assertEquals(1.5e-6, sink.value("node_timex_offset_seconds"), 1e-18);
        assertEquals(2e-8, sink.value("node_timex_pps_jitter_seconds"), 1e-20);
    }

    @Test
    void notPermittedIsNoData() {
        assertThrows(NoDataException.class, () -> new TimexCollector(() -> {
            throw new SecurityException("adjtimex: operation not permitted");
        }).update(new RecordingSink()));
    }

    @Test
    void readsTheLiveKernel() throws Exception {
        Timex live = Timex.read();
        assertEquals(10000, live.tick(), "USER_HZ 100 gives a 10 ms tick on every Linux we run on");
    }
}
