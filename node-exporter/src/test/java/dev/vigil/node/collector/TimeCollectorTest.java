package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.testing.Args;
import dev.vigil.node.testing.Exporters;
import dev.vigil.node.testing.Fixtures;
import dev.vigil.node.testing.Parity;
import dev.vigil.node.testing.RecordingSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeCollectorTest {

    @Test
    void clockSourcesMatchNodeExporterOnFixtures() throws Exception {
        List<String> args = Args.fixtureCollector("time");
        Parity.of("node_time_").volatileValues(name -> name.equals("node_time_seconds"))
                .assertSame(Exporters.vigil(args), Exporters.reference(args));
    }

    @Test
    void reportsTimeAndZoneOfTheClock() throws Exception {
        HostPaths paths = new HostPaths(Fixtures.proc(), Fixtures.sys(), Fixtures.rootfs(), Fixtures.udev());
        Clock summer = Clock.fixed(Instant.parse("2026-07-01T12:00:00.25Z"), ZoneId.of("Europe/Berlin"));
        RecordingSink sink = new RecordingSink();
        new TimeCollector(paths, summer).update(sink);
        assertEquals(1782907200.25, sink.value("node_time_seconds"));
        assertEquals(7200.0, sink.value("node_time_zone_offset_seconds", "CEST"));

        Clock winter = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Europe/Berlin"));
        sink = new RecordingSink();
        new TimeCollector(paths, winter).update(sink);
        assertEquals(3600.0, sink.value("node_time_zone_offset_seconds", "CET"));

        sink = new RecordingSink();
        new TimeCollector(paths, Clock.fixed(Instant.EPOCH, ZoneId.of("Etc/UTC"))).update(sink);
        assertEquals(0.0, sink.value("node_time_zone_offset_seconds", "UTC"));

        sink = new RecordingSink();
        new TimeCollector(paths, Clock.fixed(Instant.EPOCH, ZoneId.of("Asia/Kolkata"))).update(sink);
        assertEquals(19800.0, sink.value("node_time_zone_offset_seconds", "IST"));

        sink = new RecordingSink();
        new TimeCollector(paths, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Asia/Dubai"))).update(sink);
        assertEquals(14400.0, sink.value("node_time_zone_offset_seconds", "+04"));
    }
}
