package dev.vigil.jvm.agent.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * The application of the MBean-rules tests: registers MBeans of its own under {@code app.vigil} with
 * fixed values (numbers, booleans, strings, a Date, CompositeData, TabularData, key properties with
 * quotes, commas, dots and spaces), prints {@code ready}, and runs until its stdin closes.
 */
public final class RulesApp {
    private RulesApp() {
    }

    public static void main(String[] args) throws Exception {
        register(ManagementFactory.getPlatformMBeanServer());
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // wait for the test to close stdin
        }
        System.exit(0);
    }

    /** The test beans; also used in-process by the unit tests. */
    public static void register(MBeanServer server) throws Exception {
        server.registerMBean(new FixedMBean()
                .with("Count", 42L, "Requests served")
                .with("Rate", 2.5, null)
                .with("Enabled", true, null)
                .with("Disabled", false, "A flag that is off")
                .with("Label", "blue", null)
                .with("LatencyMillis", 1500, null)
                .with("Started", new Date(1_700_000_000_000L), null)
                .with("Stats", stats(10, 3, 0.75), null),
                new ObjectName("app.vigil:type=Server,name=main"));
        server.registerMBean(new FixedMBean().with("Size", 7, "Pool size").with("Active", 2, null),
                new ObjectName("app.vigil:type=Pool,name=\"quoted, name\",zone=eu-west.1"));
        server.registerMBean(new FixedMBean().with("Size", 9, "Pool size").with("Active", 4, null),
                new ObjectName("app.vigil:type=Pool,name=plain,zone=us east"));
        server.registerMBean(new FixedMBean().with("Table", table(), null).with("Level", "HIGH", null),
                new ObjectName("app.vigil:type=Cache"));
        server.registerMBean(new FixedMBean().with("Secret", 1, null),
                new ObjectName("app.vigil:type=Hidden,name=x"));
    }

    private static CompositeData stats(long hits, long misses, double ratio) throws Exception {
        CompositeType type = new CompositeType("Stats", "Cache statistics", new String[] {"hits", "misses", "ratio"},
                new String[] {"hits", "misses", "ratio"},
                new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG, SimpleType.DOUBLE});
        return new CompositeDataSupport(type, new String[] {"hits", "misses", "ratio"}, new Object[] {hits, misses, ratio});
    }

    private static TabularDataSupport table() throws Exception {
        CompositeType row = new CompositeType("Entry", "A cache entry", new String[] {"key", "value", "weight"},
                new String[] {"key", "value", "weight"},
                new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG, SimpleType.INTEGER});
        TabularDataSupport table = new TabularDataSupport(new TabularType("Entries", "cache entries", row,
                new String[] {"key"}));
        table.put(new CompositeDataSupport(row, new String[] {"key", "value", "weight"}, new Object[] {"alpha", 11L, 1}));
        table.put(new CompositeDataSupport(row, new String[] {"key", "value", "weight"}, new Object[] {"beta", 22L, 2}));
        return table;
    }
}
