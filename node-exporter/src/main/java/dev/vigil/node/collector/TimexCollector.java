package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.syscall.Timex;
import java.io.IOException;

/** The kernel's clock discipline (NTP) state from {@code adjtimex(2)}. */
public final class TimexCollector implements Collector {
    public static final CollectorFactory FACTORY = Factories.of("timex", true, context -> new TimexCollector(Timex::read));

    private static final double NANOSECONDS = 1e9;
    private static final double MICROSECONDS = 1e6;
    /** The kernel's frequency unit: parts per million scaled by 2^16. */
    private static final double PPM16 = 1e6 * 65536;

    private static final Desc OFFSET = Desc.gauge("node_timex_offset_seconds",
            "Time offset in between local system and reference clock.");
    private static final Desc FREQ = Desc.gauge("node_timex_frequency_adjustment_ratio", "Local clock frequency adjustment.");
    private static final Desc MAXERROR = Desc.gauge("node_timex_maxerror_seconds", "Maximum error in seconds.");
    private static final Desc ESTERROR = Desc.gauge("node_timex_estimated_error_seconds", "Estimated error in seconds.");
    private static final Desc STATUS = Desc.gauge("node_timex_status", "Value of the status array bits.");
    private static final Desc CONSTANT = Desc.gauge("node_timex_loop_time_constant", "Phase-locked loop time constant.");
    private static final Desc TICK = Desc.gauge("node_timex_tick_seconds", "Seconds between clock ticks.");
    private static final Desc PPSFREQ = Desc.gauge("node_timex_pps_frequency_hertz", "Pulse per second frequency.");
    private static final Desc JITTER = Desc.gauge("node_timex_pps_jitter_seconds", "Pulse per second jitter.");
    private static final Desc SHIFT = Desc.gauge("node_timex_pps_shift_seconds", "Pulse per second interval duration.");
    private static final Desc STABIL = Desc.gauge("node_timex_pps_stability_hertz",
            "Pulse per second stability, average of recent frequency changes.");
    private static final Desc JITCNT = Desc.counter("node_timex_pps_jitter_total",
            "Pulse per second count of jitter limit exceeded events.");
    private static final Desc CALCNT = Desc.counter("node_timex_pps_calibration_total",
            "Pulse per second count of calibration intervals.");
    private static final Desc ERRCNT = Desc.counter("node_timex_pps_error_total", "Pulse per second count of calibration errors.");
    private static final Desc STBCNT = Desc.counter("node_timex_pps_stability_exceeded_total",
            "Pulse per second count of stability limit exceeded events.");
    private static final Desc TAI = Desc.gauge("node_timex_tai_offset_seconds", "International Atomic Time (TAI) offset.");
    private static final Desc SYNC = Desc.gauge("node_timex_sync_status",
            "Is clock synchronized to a reliable server (1 = yes, 0 = no).");

    /** Where the state comes from: the system call, or a fixed value in tests. */
    public interface Source {
        Timex read() throws IOException;
    }

    private final Source source;

    public TimexCollector(Source source) {
        this.source = source;
    }

    @Override
    public String name() {
        return "timex";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Timex timex;
        try {
            timex = source.read();
        } catch (SecurityException e) {
            throw new NoDataException("adjtimex not permitted: " + e.getMessage());
        }
        double divisor = (timex.status() & Timex.STA_NANO) != 0 ? NANOSECONDS : MICROSECONDS;
        sink.add(SYNC, timex.state() == Timex.TIME_ERROR ? 0 : 1);
        sink.add(OFFSET, timex.offset() / divisor);
        sink.add(FREQ, 1 + timex.freq() / PPM16);
        sink.add(MAXERROR, timex.maxerror() / MICROSECONDS);
        sink.add(ESTERROR, timex.esterror() / MICROSECONDS);
        sink.add(STATUS, timex.status());
        sink.add(CONSTANT, timex.constant());
        sink.add(TICK, timex.tick() / MICROSECONDS);
        sink.add(PPSFREQ, timex.ppsfreq() / PPM16);
        sink.add(JITTER, timex.jitter() / divisor);
        sink.add(SHIFT, timex.shift());
        sink.add(STABIL, timex.stabil() / PPM16);
        sink.add(JITCNT, timex.jitcnt());
        sink.add(CALCNT, timex.calcnt());
        sink.add(ERRCNT, timex.errcnt());
        sink.add(STBCNT, timex.stbcnt());
        sink.add(TAI, timex.tai());
    }
}
