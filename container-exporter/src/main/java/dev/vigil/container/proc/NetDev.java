package dev.vigil.container.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code /proc/<pid>/net/dev}, the counters of the interfaces in one network namespace, and
 * knows which interfaces cAdvisor leaves out of {@code container_network_*}.
 */
public final class NetDev {
    /**
     * cAdvisor skips an interface whose lower-cased name starts with one of these
     * ({@code container/libcontainer/handler.go} {@code ignoredDevicePrefixes}; {@code nerdctl}
     * came in recent versions). It is a plain prefix test, so {@code lo} also drops e.g.
     * {@code lowpan0}, and {@code docker} drops a user's {@code docker_gwbridge}.
     */
    public static final List<String> CADVISOR_IGNORED_PREFIXES = List.of("lo", "veth", "docker", "nerdctl");

    private NetDev() {
    }

    /** Whether cAdvisor leaves this interface out of the network families. */
    public static boolean isIgnoredByCadvisor(String interfaceName) {
        String lower = interfaceName.toLowerCase(Locale.ROOT);
        for (String prefix : CADVISOR_IGNORED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every interface in file order, none filtered. The two header lines are skipped; every other
     * non-blank line must be {@code name: } and sixteen unsigned integers.
     *
     * <p>Like cAdvisor, one bad line rejects the whole file: a half-parsed table would give
     * counters that go backwards. We split the name at its colon rather than deleting colons as
     * cAdvisor does, so an old kernel's {@code eth0:123456789} (no space after the colon) parses
     * too; names cannot contain a colon.
     *
     * @throws IllegalArgumentException when a line is not of that form
     */
    public static List<InterfaceStats> parse(String content) {
        List<InterfaceStats> interfaces = new ArrayList<>();
        String[] lines = content.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no interface name in net/dev line: " + line.strip());
            }
            String name = line.substring(0, colon).strip();
            String[] fields = line.substring(colon + 1).strip().split("\\s+");
            if (name.isEmpty() || fields.length != InterfaceStats.COUNTERS) {
                throw new IllegalArgumentException("net/dev line needs a name and " + InterfaceStats.COUNTERS
                        + " counters: " + line.strip());
            }
            long[] counters = new long[InterfaceStats.COUNTERS];
            for (int f = 0; f < counters.length; f++) {
                counters[f] = Numbers.parseUnsigned(fields[f], line);
            }
            interfaces.add(InterfaceStats.of(name, counters));
        }
        return List.copyOf(interfaces);
    }

    /** The interfaces cAdvisor reports: {@link #parse} without {@link #isIgnoredByCadvisor}. */
    public static List<InterfaceStats> cadvisorInterfaces(List<InterfaceStats> all) {
        return all.stream().filter(i -> !isIgnoredByCadvisor(i.name())).toList();
    }
}
