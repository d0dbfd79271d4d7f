package dev.vigil.node.collector;

import dev.vigil.exporter.Collector;
import dev.vigil.exporter.CollectorContext;
import dev.vigil.exporter.CollectorFactory;
import dev.vigil.exporter.Desc;
import dev.vigil.exporter.MetricSink;
import dev.vigil.exporter.NoDataException;
import dev.vigil.exporter.flags.Flag;
import dev.vigil.exporter.flags.FlagSet;
import dev.vigil.exporter.log.Log;
import dev.vigil.node.systemd.SystemdBus;
import dev.vigil.node.systemd.SystemdBus.PropertyRequest;
import dev.vigil.node.systemd.SystemdVersion;
import dev.vigil.node.systemd.Unit;
import dev.vigil.node.systemd.UnitSelection;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;

/**
 * systemd's units, asked over D-Bus (node_exporter's systemd collector, off by default).
 *
 * <p>Per scrape: the manager's {@code Version} and {@code SystemState}, {@code ListUnits}, then the
 * properties of the selected units (service type, restarts, tasks, start time, timer and socket
 * counters), read in one pipelined batch over one long-lived connection. A loaded unit is selected
 * when it matches {@code --collector.systemd.unit-include} and not {@code unit-exclude}; at most
 * {@code --collector.systemd.max-units} of them (Vigil's cardinality cap: the first ones by name
 * are kept, {@code node_systemd_units_dropped} counts the rest, and a warning is logged each time
 * that count changes). {@code node_systemd_units} counts every unit, selected or not.
 *
 * <p>Without a bus (no socket, nothing listening) or without systemd on it, the collector reports no
 * data, logging one warning when systemd goes away and one line when it is back; it tries again
 * every scrape.
 */
public final class SystemdCollector implements Collector, AutoCloseable {
    public static final CollectorFactory FACTORY = new Factory();

    private static final Log LOG = Log.get(SystemdCollector.class);
    /** How long one D-Bus call may take before the connection is dropped and the scrape fails. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final BigInteger UINT64_MAX = UInt64.MAX_BIG_VALUE;

    private static final Desc UNIT_STATE = Desc.gauge("node_systemd_unit_state", "Systemd unit",
            "name", "state", "type");
    private static final Desc UNIT_START_TIME = Desc.gauge("node_systemd_unit_start_time_seconds",
            "Start time of the unit since unix epoch in seconds.", "name");
    private static final Desc UNIT_TASKS_CURRENT = Desc.gauge("node_systemd_unit_tasks_current",
            "Current number of tasks per Systemd unit", "name");
    private static final Desc UNIT_TASKS_MAX = Desc.gauge("node_systemd_unit_tasks_max",
            "Maximum number of tasks per Systemd unit", "name");
    private static final Desc SYSTEM_RUNNING = Desc.gauge("node_systemd_system_running",
            "Whether the system is operational (see 'systemctl is-system-running')");
    private static final Desc UNITS = Desc.gauge("node_systemd_units", "Summary of systemd unit states", "state");
    private static final Desc RESTARTS = Desc.counter("node_systemd_service_restart_total",
            "Service unit count of Restart triggers", "name");
    private static final Desc TIMER_LAST_TRIGGER = Desc.gauge("node_systemd_timer_last_trigger_seconds",
            "Seconds since epoch of last trigger.", "name");
    private static final Desc SOCKET_ACCEPTED = Desc.counter("node_systemd_socket_accepted_connections_total",
            "Total number of accepted socket connections", "name");
    private static final Desc SOCKET_CURRENT = Desc.gauge("node_systemd_socket_current_connections",
            "Current number of socket connections", "name");
    // node_exporter exposes this one as a gauge despite its name; client_java, under our exposition,
    // rejects gauges named *_total, so until exporter-core can carry such a gauge it is a counter.
    private static final Desc SOCKET_REFUSED = Desc.counter("node_systemd_socket_refused_connections_total",
            "Total number of refused socket connections", "name");
    private static final Desc VERSION = Desc.gauge("node_systemd_version", "Detected systemd version", "version");
    private static final Desc UNITS_DROPPED = Desc.gauge("node_systemd_units_dropped",
            "Units matching the include and exclude patterns but not reported, over --collector.systemd.max-units.");

    /** The bus's answers when nobody owns systemd's name: a bus without systemd, as in most containers. */
    private static final Set<String> NOT_ON_THE_BUS = Set.of("org.freedesktop.DBus.Error.ServiceUnknown",
            "org.freedesktop.DBus.Error.NameHasNoOwner");

    private static final List<PropertyRequest> MANAGER_PROPERTIES = List.of(
            SystemdBus.managerProperty("Version"), SystemdBus.managerProperty("SystemState"));

    // What to read per unit, as bits of a plan; the request order within a plan is fixed.
    private static final int SERVICE_TYPE = 1;
    private static final int MOUNT_TYPE = 1 << 1;
    private static final int RESTART_COUNT = 1 << 2;
    private static final int START_TIME = 1 << 3;
    private static final int TASKS = 1 << 4;
    private static final int TIMER = 1 << 5;
    private static final int SOCKET = 1 << 6;

    /** The collector's flags, resolved. */
    public record Options(String unitInclude, String unitExclude, boolean taskMetrics, boolean restartsMetrics,
            boolean startTimeMetrics, int maxUnits) {
    }

    private final Options options;
    private final SystemdBus bus;
    private final UnitSelection selection;
    /** Whether systemd answered last time; the first failure after an answer warns once. */
    private boolean available = true;
    private int lastDropped;

    /**
     * @throws IllegalArgumentException if a unit pattern does not compile
     */
    public SystemdCollector(Options options, SystemdBus bus) {
        this.options = options;
        this.bus = bus;
        this.selection = UnitSelection.of(options.unitInclude(), options.unitExclude(), options.maxUnits());
    }

    @Override
    public String name() {
        return "systemd";
    }

    @Override
    public synchronized void update(MetricSink sink) throws IOException {
        try {
            bus.connect();
            collect(sink);
        } catch (NoDataException e) {
            if (available) {
                LOG.warn("systemd is not reachable over D-Bus; no systemd metrics until it is", "address", bus.address(),
                        "err", e.getMessage());
                available = false;
            }
            throw e;
        }
        if (!available) {
            LOG.info("systemd is reachable over D-Bus again", "address", bus.address());
            available = true;
        }
    }

    private void collect(MetricSink sink) throws IOException {
        Object[] manager = bus.getProperties(MANAGER_PROPERTIES);
        if (manager[0] instanceof SystemdBus.PropertyError error && NOT_ON_THE_BUS.contains(error.name())) {
            throw new NoDataException("systemd is not on the bus: " + error);
        }
        SystemdVersion version = SystemdVersion.UNKNOWN;
        if (manager[0] instanceof String raw) {
            version = SystemdVersion.parse(raw);
        } else {
            LOG.debug("couldn't get the systemd version, reporting 0", "err", manager[0]);
        }
        sink.add(VERSION, version.number(), version.label());
        boolean modern = version.number() >= SystemdVersion.MIN_SYSTEM_STATE;

        List<Unit> all;
        try {
            all = bus.listUnits();
        } catch (SystemdBus.CallFailedException e) {
            throw new IOException("couldn't get units: " + e.getMessage(), e);
        }
        for (Map.Entry<String, Integer> state : UnitSelection.summarize(all).entrySet()) {
            sink.add(UNITS, state.getValue(), state.getKey());
        }
        UnitSelection.Result selected = selection.select(all);
        noteDropped(selected.dropped());
        sink.add(UNITS_DROPPED, selected.dropped());

        List<Unit> units = selected.units();
        int[] plans = new int[units.size()];
        List<PropertyRequest> requests = new ArrayList<>(units.size() * 2);
        for (int i = 0; i < plans.length; i++) {
            plans[i] = plan(units.get(i), modern);
            request(units.get(i), plans[i], requests);
        }
        Object[] values = bus.getProperties(requests);
        int next = 0;
        for (int i = 0; i < plans.length; i++) {
            next = emit(sink, units.get(i), plans[i], values, next);
        }

        if (modern) {
            if (!(manager[1] instanceof String state)) {
                throw new IOException("couldn't get system state: " + manager[1]);
            }
            sink.add(SYSTEM_RUNNING, state.equals("running") ? 1 : 0);
        }
    }

    private int plan(Unit unit, boolean modern) {
        int plan = 0;
        if (unit.is(".service")) {
            plan |= SERVICE_TYPE;
            if (options.restartsMetrics()) {
                plan |= RESTART_COUNT;
            }
            if (options.taskMetrics()) {
                plan |= TASKS;
            }
        } else if (unit.is(".mount")) {
            plan |= MOUNT_TYPE;
        } else if (unit.is(".timer") && modern) {
            plan |= TIMER;
        } else if (unit.is(".socket")) {
            plan |= SOCKET;
        }
        if (options.startTimeMetrics() && unit.activeState().equals("active")) {
            plan |= START_TIME;
        }
        return plan;
    }

    private static void request(Unit unit, int plan, List<PropertyRequest> requests) {
        String path = unit.path();
        if ((plan & SERVICE_TYPE) != 0) {
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Service", "Type"));
        }
        if ((plan & MOUNT_TYPE) != 0) {
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Mount", "Type"));
        }
        if ((plan & RESTART_COUNT) != 0) {
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Service", "NRestarts"));
        }
        if ((plan & START_TIME) != 0) {
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Unit", "ActiveEnterTimestamp"));
        }
        if ((plan & TASKS) != 0) {
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Service", "TasksCurrent"));
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Service", "TasksMax"));
        }
        if ((plan & TIMER) != 0) {
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Timer", "LastTriggerUSec"));
        }
        if ((plan & SOCKET) != 0) {
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Socket", "NAccepted"));
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Socket", "NConnections"));
            requests.add(new PropertyRequest(path, "org.freedesktop.systemd1.Socket", "NRefused"));
        }
    }

    /** Sends one unit's samples from its values, which start at {@code next}; returns the index after them. */
    private int emit(MetricSink sink, Unit unit, int plan, Object[] values, int next) {
        String name = unit.name();
        String type = "";
        if ((plan & (SERVICE_TYPE | MOUNT_TYPE)) != 0) {
            Object value = values[next++];
            if (value instanceof String s) {
                type = s;
            } else {
                LOG.debug("couldn't get unit type", "unit", name, "err", value);
            }
        }
        for (String state : UnitSelection.STATES) {
            sink.add(UNIT_STATE, state.equals(unit.activeState()) ? 1 : 0, name, state, type);
        }
        if ((plan & RESTART_COUNT) != 0) {
            Object value = values[next++];
            if (value instanceof UInt32 restarts) {
                sink.add(RESTARTS, restarts.doubleValue(), name);
            } else {
                LOG.debug("couldn't get unit NRestarts", "unit", name, "err", value);
            }
        }
        if (options.startTimeMetrics()) {
            if ((plan & START_TIME) == 0) {
                sink.add(UNIT_START_TIME, 0, name);
            } else if (values[next++] instanceof UInt64 usec) {
                sink.add(UNIT_START_TIME, usec.doubleValue() / 1e6, name);
            } else {
                LOG.debug("couldn't get unit StartTimeUsec", "unit", name, "err", values[next - 1]);
            }
        }
        if ((plan & TASKS) != 0) {
            tasks(sink, UNIT_TASKS_CURRENT, name, "TasksCurrent", values[next++]);
            tasks(sink, UNIT_TASKS_MAX, name, "TasksMax", values[next++]);
        }
        if ((plan & TIMER) != 0) {
            Object value = values[next++];
            if (value instanceof UInt64 usec) {
                sink.add(TIMER_LAST_TRIGGER, usec.doubleValue() / 1e6, name);
            } else {
                LOG.debug("couldn't get unit LastTriggerUSec", "unit", name, "err", value);
            }
        }
        if ((plan & SOCKET) != 0) {
            Object accepted = values[next++];
            Object current = values[next++];
            Object refused = values[next++];
            if (!(accepted instanceof UInt32 a)) {
                LOG.debug("couldn't get unit NAccepted", "unit", name, "err", accepted);
            } else {
                sink.add(SOCKET_ACCEPTED, a.doubleValue(), name);
                if (!(current instanceof UInt32 c)) {
                    LOG.debug("couldn't get unit NConnections", "unit", name, "err", current);
                } else {
                    sink.add(SOCKET_CURRENT, c.doubleValue(), name);
                    // NRefused came with systemd 239; older ones just lack it.
                    if (refused instanceof UInt32 r) {
                        sink.add(SOCKET_REFUSED, r.doubleValue(), name);
                    }
                }
            }
        }
        return next;
    }

    private static void tasks(MetricSink sink, Desc desc, String name, String property, Object value) {
        if (value instanceof UInt64 count) {
            // systemd says "no limit" / "not counted" with the largest uint64.
            if (!count.value().equals(UINT64_MAX)) {
                sink.add(desc, count.doubleValue(), name);
            }
        } else {
            LOG.debug("couldn't get unit " + property, "unit", name, "err", value);
        }
    }

    private void noteDropped(int dropped) {
        if (dropped == lastDropped) {
            return;
        }
        if (dropped > 0) {
            LOG.warn("more systemd units match than --collector.systemd.max-units allows; the rest are left out",
                    "max_units", options.maxUnits(), "dropped", dropped);
        } else {
            LOG.info("systemd units are within --collector.systemd.max-units again", "max_units", options.maxUnits());
        }
        lastDropped = dropped;
    }

    /** Closes the D-Bus connection. */
    @Override
    public void close() {
        bus.close();
    }

    /** node_exporter's systemd flags, plus Vigil's {@code --collector.systemd.max-units}. */
    private static final class Factory implements CollectorFactory {
        private static final String PREFIX = "collector.systemd.";
        private static final String SELECTION_HELP = " Units must both match include and not match exclude to be included.";

        @Override
        public String name() {
            return "systemd";
        }

        @Override
        public boolean enabledByDefault() {
            return false;
        }

        @Override
        public void defineFlags(FlagSet flags) {
            flags.string(PREFIX + "unit-include", "Regexp of systemd units to include." + SELECTION_HELP, ".+");
            flags.string(PREFIX + "unit-whitelist", "DEPRECATED: Use --collector.systemd.unit-include", "");
            flags.string(PREFIX + "unit-exclude", "Regexp of systemd units to exclude." + SELECTION_HELP,
                    ".+\\.(automount|device|mount|scope|slice|target)");
            flags.string(PREFIX + "unit-blacklist", "DEPRECATED: Use collector.systemd.unit-exclude", "");
            flags.bool(PREFIX + "private", "Establish a private, direct connection to systemd without dbus "
                    + "(Strongly discouraged since it requires root. For testing purposes only).", false);
            flags.bool(PREFIX + "enable-task-metrics",
                    "Enables service unit tasks metrics unit_tasks_current and unit_tasks_max", false);
            flags.bool(PREFIX + "enable-restarts-metrics", "Enables service unit metric service_restart_total", false);
            flags.bool(PREFIX + "enable-start-time-metrics", "Enables service unit metric unit_start_time_seconds",
                    false);
            flags.integer(PREFIX + "max-units", "Most systemd units to report per-unit metrics for (the first by "
                    + "name); the rest are counted in node_systemd_units_dropped. 0 for no limit.", 1000);
        }

        @Override
        public Collector create(CollectorContext context) {
            FlagSet flags = context.flags();
            String include = deprecatedAlias(flags, "unit-include", "unit-whitelist");
            String exclude = deprecatedAlias(flags, "unit-exclude", "unit-blacklist");
            LOG.info("Parsed flag --collector.systemd.unit-include", "flag", include);
            LOG.info("Parsed flag --collector.systemd.unit-exclude", "flag", exclude);
            Options options = new Options(include, exclude, bool(flags, "enable-task-metrics"),
                    bool(flags, "enable-restarts-metrics"), bool(flags, "enable-start-time-metrics"),
                    (Integer) flags.lookup(PREFIX + "max-units").get());
            SystemdBus bus = bool(flags, "private")
                    ? new SystemdBus(SystemdBus.PRIVATE_ADDRESS, false, CALL_TIMEOUT)
                    : new SystemdBus(SystemdBus.systemBusAddress(), true, CALL_TIMEOUT);
            return new SystemdCollector(options, bus);
        }

        /** The flag's value, or its deprecated alias's if only that is given (as node_exporter). */
        private static String deprecatedAlias(FlagSet flags, String name, String old) {
            Flag<?> current = flags.lookup(PREFIX + name);
            String oldValue = (String) flags.lookup(PREFIX + old).get();
            if (oldValue.isEmpty()) {
                return (String) current.get();
            }
            if (current.isSet()) {
                throw new IllegalArgumentException("--collector.systemd." + old + " and --collector.systemd." + name
                        + " are mutually exclusive");
            }
            LOG.warn("--collector.systemd." + old + " is DEPRECATED and will be removed in 2.0.0, use --collector.systemd."
                    + name);
            return oldValue;
        }

        private static boolean bool(FlagSet flags, String name) {
            return (Boolean) flags.lookup(PREFIX + name).get();
        }
    }
}
