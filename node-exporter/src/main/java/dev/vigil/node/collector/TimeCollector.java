package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.host.HostPaths;
import dev.vigil.node.io.KernelFiles;
import dev.vigil.node.sysfs.ClockSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The system time, time zone and clock sources (sysfs {@code devices/system/clocksource}). */
public final class TimeCollector implements Collector {
    public static final CollectorFactory FACTORY =
            Factories.of("time", true, context -> new TimeCollector(context.paths(), Clock.systemDefaultZone()));

    private static final Desc NOW = Desc.gauge("node_time_seconds", "System time in seconds since epoch (1970).");
    private static final Desc ZONE = Desc.gauge("node_time_zone_offset_seconds", "System time zone offset in seconds.",
            "time_zone");
    private static final Desc AVAILABLE = Desc.gauge("node_time_clocksource_available_info",
            "Available clocksources read from '/sys/devices/system/clocksource'.", "device", "clocksource");
    private static final Desc CURRENT = Desc.gauge("node_time_clocksource_current_info",
            "Current clocksource read from '/sys/devices/system/clocksource'.", "device", "clocksource");

    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private final HostPaths paths;
    private final Clock clock;

    public TimeCollector(HostPaths paths, Clock clock) {
        this.paths = paths;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "time";
    }

    @Override
    public void update(MetricSink sink) throws IOException {
        Instant now = clock.instant();
        sink.add(NOW, now.getEpochSecond() + now.getNano() / 1e9);
        ZonedDateTime local = now.atZone(clock.getZone());
        sink.add(ZONE, local.getOffset().getTotalSeconds(), zoneAbbreviation(local));

        Path dir = paths.sys("devices", "system", "clocksource");
        int index = 0;
        for (String name : KernelFiles.list(dir)) {
            if (!name.startsWith("clocksource")) {
                continue;
            }
            ClockSource source = ClockSource.parse(KernelFiles.read(dir.resolve(name).resolve("available_clocksource")),
                    KernelFiles.read(dir.resolve(name).resolve("current_clocksource")));
            String device = Integer.toString(index++);
            for (String available : source.available()) {
                sink.add(AVAILABLE, 1, device, available);
            }
            sink.add(CURRENT, 1, device, source.current());
        }
    }

    /**
     * The zone's abbreviation as Go prints it: "UTC", "CET", "PDT", and for zones without a name in
     * the time zone database the offset, "+03" or "+0530" (where Java would say "GMT+03:00").
     */
    static String zoneAbbreviation(ZonedDateTime time) {
        String id = time.getZone().getId();
        if (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC") || id.equals("GMT")) {
            return "UTC";
        }
        String name = time.format(ABBREVIATION);
        if (name.length() == 9 && name.startsWith("GMT") && name.charAt(6) == ':') {
            String minutes = name.substring(7);
            return name.substring(3, 6) + (minutes.equals("00") ? "" : minutes);
        }
        return name;
    }

}
