package dev.vigil.node.testing;

import java.util.ArrayList;
import java.util.List;

/** Builds exporter command lines for tests. */
public final class Args {
    private Args() {
    }

    /**
     * The fixture path flags, {@code --collector.disable-defaults}, one {@code --collector.<name>} per
     * collector and then {@code extra} flags: what a per-collector parity test hands both exporters.
     */
    public static List<String> fixtureCollectors(List<String> collectors, String... extra) {
        List<String> args = new ArrayList<>(Fixtures.pathFlags());
        args.add("--collector.disable-defaults");
        for (String collector : collectors) {
            args.add("--collector." + collector);
        }
        args.addAll(List.of(extra));
        return args;
    }

    /** {@link #fixtureCollectors(List, String...)} for one collector. */
    public static List<String> fixtureCollector(String collector, String... extra) {
        return fixtureCollectors(List.of(collector), extra);
    }
}
