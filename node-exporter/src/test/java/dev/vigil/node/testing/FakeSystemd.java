package dev.vigil.node.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.connections.AbstractConnection;
import org.freedesktop.dbus.connections.impl.DirectConnection;
import org.freedesktop.dbus.connections.impl.DirectConnectionBuilder;
import org.freedesktop.dbus.errors.UnknownProperty;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * systemd's manager as far as the systemd collector (ours and node_exporter's) asks it, served on a
 * test bus under the name {@code org.freedesktop.systemd1}: {@code ListUnits}, the manager's
 * {@code Version} and {@code SystemState}, and each unit's properties at the object path systemd
 * (and go-systemd) derive from its name.
 */
public final class FakeSystemd implements AutoCloseable {
    private static final String ROOT = "/org/freedesktop/systemd1";
    private static final String UNIT_ROOT = ROOT + "/unit";

    private final DirectConnection connection;
    private volatile String version;
    private volatile String systemState;
    private volatile List<FakeUnit> units;
    private volatile Map<String, FakeUnit> unitsByPath;
    private volatile Duration listUnitsDelay = Duration.ZERO;

    /** One unit: what ListUnits says of it, and its properties by interface ({@code Service}, ...). */
    public record FakeUnit(String name, String loadState, String activeState, String subState,
            Map<String, Map<String, Variant<?>>> properties) {

        public static FakeUnit of(String name, String loadState, String activeState, String subState) {
            return new FakeUnit(name, loadState, activeState, subState, new LinkedHashMap<>());
        }

        /** Adds a property, e.g. {@code with("Service", "Type", "notify")}; numbers as UInt32/UInt64. */
        public FakeUnit with(String iface, String property, Object value) {
            properties.computeIfAbsent("org.freedesktop.systemd1." + iface, k -> new LinkedHashMap<>())
                    .put(property, new Variant<>(value));
            return this;
        }

        public FakeUnit u32(String iface, String property, long value) {
            return with(iface, property, new UInt32(value));
        }

        public FakeUnit u64(String iface, String property, String value) {
            return with(iface, property, new UInt64(value));
        }
    }

    /** The manager's D-Bus interface, as far as it is served. */
    @DBusInterfaceName("org.freedesktop.systemd1.Manager")
    public interface Manager extends DBusInterface {
        List<UnitRow> ListUnits();
    }

    /** One {@code ListUnits} entry: {@code (ssssssouso)}. */
    public static final class UnitRow extends Struct {
        @Position(0)
        public final String name;
        @Position(1)
        public final String description;
        @Position(2)
        public final String loadState;
        @Position(3)
        public final String activeState;
        @Position(4)
        public final String subState;
        @Position(5)
        public final String following;
        @Position(6)
        public final DBusPath path;
        @Position(7)
        public final UInt32 jobId;
        @Position(8)
        public final String jobType;
        @Position(9)
        public final DBusPath jobPath;

        public UnitRow(String name, String description, String loadState, String activeState, String subState,
                String following, DBusPath path, UInt32 jobId, String jobType, DBusPath jobPath) {
            this.name = name;
            this.description = description;
            this.loadState = loadState;
            this.activeState = activeState;
            this.subState = subState;
            this.following = following;
            this.path = path;
            this.jobId = jobId;
            this.jobType = jobType;
            this.jobPath = jobPath;
        }
    }

    private FakeSystemd(DirectConnection connection, String version, String systemState, List<FakeUnit> units) {
        this.connection = connection;
        this.version = version;
        this.systemState = systemState;
        setUnits(units);
    }

    /** Connects to the bus at {@code address}, takes systemd's name and serves {@code units}. */
    public static FakeSystemd start(String address, String version, String systemState, List<FakeUnit> units)
            throws Exception {
        DirectConnection connection = DirectConnectionBuilder.forAddress(address).build();
        call(connection, "Hello", null);
        FakeSystemd systemd = new FakeSystemd(connection, version, systemState, units);
        connection.exportObject(ROOT, systemd.new ManagerObject());
        connection.addFallback(UNIT_ROOT, systemd.new UnitObjects());
        Object[] reply = call(connection, "RequestName", "su", "org.freedesktop.systemd1", new UInt32(4));
        if (!new UInt32(1).equals(reply[0])) {
            throw new IllegalStateException("could not own org.freedesktop.systemd1: " + reply[0]);
        }
        return systemd;
    }

    private static Object[] call(DirectConnection connection, String member, String signature, Object... args)
            throws Exception {
        MethodCall call = connection.getMessageFactory().createMethodCall("org.freedesktop.DBus",
                "/org/freedesktop/DBus", "org.freedesktop.DBus", member, (byte) 0, signature, args);
        connection.sendMessage(call);
        Message reply = call.getReply(10_000);
        if (reply == null || reply instanceof org.freedesktop.dbus.messages.Error) {
            throw new IllegalStateException(member + " failed: " + reply);
        }
        return reply.getParameters();
    }

    public void setUnits(List<FakeUnit> units) {
        Map<String, FakeUnit> byPath = new java.util.HashMap<>();
        for (FakeUnit unit : units) {
            byPath.put(unitPath(unit.name()), unit);
        }
        this.unitsByPath = byPath;
        this.units = List.copyOf(units);
    }

    public void setSystemState(String systemState) {
        this.systemState = systemState;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    /** Makes every ListUnits answer late, to test timeouts. */
    public void setListUnitsDelay(Duration delay) {
        this.listUnitsDelay = delay;
    }

    @Override
    public void close() {
        connection.disconnect();
    }

    /**
     * A unit's object path as systemd and go-systemd make it: every byte but ASCII letters and
     * digits (and a leading digit) as {@code _xx} in lower-case hex.
     */
    public static String unitPath(String name) {
        StringBuilder path = new StringBuilder(UNIT_ROOT).append('/');
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean alnum = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
            if (!alnum || (i == 0 && b >= '0' && b <= '9')) {
                path.append('_').append(Integer.toHexString(b));
            } else {
                path.append((char) b);
            }
        }
        return path.toString();
    }

    private final class ManagerObject implements Manager, Properties {
        @Override
        public List<UnitRow> ListUnits() {
            try {
                Thread.sleep(listUnitsDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<UnitRow> rows = new ArrayList<>();
            for (FakeUnit unit : units) {
                rows.add(new UnitRow(unit.name(), "Fake " + unit.name(), unit.loadState(), unit.activeState(),
                        unit.subState(), "", new DBusPath(unitPath(unit.name())), new UInt32(0), "", new DBusPath("/")));
            }
            return rows;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String property) {
            if (iface.equals("org.freedesktop.systemd1.Manager")) {
                if (property.equals("Version") && version != null) {
                    return (A) new Variant<>(version);
                }
                if (property.equals("SystemState") && systemState != null) {
                    return (A) new Variant<>(systemState);
                }
            }
            throw new UnknownProperty("Unknown property or interface.");
        }

        @Override
        public <A> void Set(String iface, String property, A value) {
            throw new UnknownProperty("read-only");
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            return Map.of();
        }

        @Override
        public String getObjectPath() {
            return ROOT;
        }
    }

    private final class UnitObjects implements Properties {
        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String property) {
            FakeUnit unit = unitsByPath.get(AbstractConnection.getCallInfo().getObjectPath());
            Variant<?> value = unit == null ? null : unit.properties().getOrDefault(iface, Map.of()).get(property);
            if (value != null) {
                return (A) value;
            }
            throw new UnknownProperty("Unknown property or interface.");
        }

        @Override
        public <A> void Set(String iface, String property, A value) {
            throw new UnknownProperty("read-only");
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            return Map.of();
        }

        @Override
        public String getObjectPath() {
            return UNIT_ROOT;
        }
    }
}
