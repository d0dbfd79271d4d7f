package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/<pid>/mountstats}, read as prometheus/procfs 0.8 reads it: one {@code device ...
 * mounted on ... with fstype ...} line per mount and, for NFS mounts ({@code statvers=}), a block of
 * options, age, byte and event counters, the RPC transport's counters and per-operation counters,
 * ended by an empty line. Also the one thing node_exporter takes from {@code mountinfo}: each
 * mount's server address.
 */
public final class NfsMountStats {
    private static final int EVENTS = 27;
    private static final int BYTES = 8;

    /**
     * One mount; {@code nfs} is null for mounts without statistics.
     *
     * @param device the mounted source, e.g. {@code server:/export}
     */
    public record Mount(String device, String mountPoint, String type, Nfs nfs) {
    }

    /**
     * An NFS mount's statistics.
     *
     * @param ageSeconds seconds since the mount
     * @param bytes read, write, direct read, direct write, total read, total write, pages read, pages written
     * @param events the 27 event counters in kernel order
     * @param transport port, bind, connect, connect idle time, idle time, sends, receives, bad XIDs,
     *     cumulative active requests, backlog, maximum slots, sending queue, pending queue (UDP has
     *     no connect counters: they are zero)
     */
    public record Nfs(String statVersion, Map<String, String> options, double ageSeconds, long[] bytes,
            long[] events, String protocol, long[] transport, List<Operation> operations) {
    }

    /**
     * One RPC operation's counters.
     *
     * @param counters requests, transmissions, major timeouts, bytes sent, bytes received, queue
     *     milliseconds, response milliseconds, request milliseconds, errors (0 before kernel 5.x)
     */
    public record Operation(String name, long[] counters) {
    }

    private NfsMountStats() {
    }

    /**
     * Parses {@code mountstats}.
     *
     * @throws IllegalArgumentException for a malformed device line or NFS block, or statistics of
     *     a file system type other than NFS
     */
    public static List<Mount> parse(String text) {
        Lines lines = new Lines(text);
        List<Mount> mounts = new ArrayList<>();
        String[] fields;
        while ((fields = lines.next()) != null) {
            if (fields.length == 0 || !fields[0].equals("device")) {
                continue;
            }
            if (fields.length < 8 || !fields[2].equals("mounted") || !fields[3].equals("on")
                    || !fields[5].equals("with") || !fields[6].equals("fstype")) {
                throw new IllegalArgumentException("invalid device entry: " + String.join(" ", fields));
            }
            Nfs nfs = null;
            if (fields.length > 8) {
                if (!fields[7].equals("nfs") && !fields[7].equals("nfs4")) {
                    throw new IllegalArgumentException("cannot parse MountStats for fstype \"" + fields[7] + "\"");
                }
                String version = fields[8].startsWith("statvers=") ? fields[8].substring(9) : fields[8];
                nfs = parseNfs(lines, version);
            }
            mounts.add(new Mount(fields[1], fields[4], fields[7], nfs));
        }
        return mounts;
    }

    private static Nfs parseNfs(Lines lines, String version) {
        Map<String, String> options = new HashMap<>();
        double age = 0;
        long[] bytes = new long[BYTES];
        long[] events = new long[EVENTS];
        String protocol = "";
        long[] transport = new long[13];
        String[] fields;
        while ((fields = lines.next()) != null && fields.length > 0) {
            switch (fields[0]) {
                case "opts:" -> {
                    need(fields, 2);
                    for (String option : fields[1].split(",", -1)) {
                        String[] split = option.split("=", -1);
                        options.put(split.length == 2 ? split[0] : option, split.length == 2 ? split[1] : "");
                    }
                }
                case "age:" -> {
                    need(fields, 2);
                    age = seconds(fields[1]);
                }
                case "bytes:" -> {
                    need(fields, 2);
                    bytes = numbers(fields, 1, BYTES, "bytes");
                }
                case "events:" -> {
                    need(fields, 2);
                    events = numbers(fields, 1, EVENTS, "events");
                }
                case "xprt:" -> {
                    need(fields, 3);
                    protocol = fields[1];
                    transport = transport(fields, version);
                }
                default -> {
                }
            }
            if (fields[0].equals("per-op")) {
                break;
            }
        }
        List<Operation> operations = new ArrayList<>();
        while ((fields = lines.next()) != null && fields.length > 0) {
            if (fields.length < 9) {
                throw new IllegalArgumentException("invalid NFS per-operations stats: " + String.join(" ", fields));
            }
            long[] values = numbers(fields, 1, fields.length - 1, "per-op");
            long[] counters = new long[9];
            System.arraycopy(values, 0, counters, 0, Math.min(9, values.length));
            String name = fields[0].endsWith(":") ? fields[0].substring(0, fields[0].length() - 1) : fields[0];
            operations.add(new Operation(name, counters));
        }
        return new Nfs(version, options, age, bytes, events, protocol, transport, operations);
    }

    /** The transport counters; UDP's lack of connect counters is filled with zeros. */
    private static long[] transport(String[] fields, String version) {
        String protocol = fields[1];
        int expected = switch (version) {
            case "1.0" -> protocol.equals("tcp") ? 10 : protocol.equals("udp") ? 7 : -1;
            case "1.1" -> protocol.equals("tcp") ? 13 : protocol.equals("udp") ? 10 : -1;
            default -> throw new IllegalArgumentException("unrecognized NFS transport stats version: \"" + version
                    + "\"");
        };
        if (expected < 0) {
            throw new IllegalArgumentException("invalid NFS protocol \"" + protocol + "\" in stats " + version
                    + " statement");
        }
        long[] values = numbers(fields, 2, expected, "transport");
        long[] transport = new long[13];
        if (protocol.equals("udp")) {
            System.arraycopy(values, 0, transport, 0, 2);
            System.arraycopy(values, 2, transport, 5, values.length - 2);
        } else {
            System.arraycopy(values, 0, transport, 0, values.length);
        }
        return transport;
    }

    private static long[] numbers(String[] fields, int from, int count, String what) {
        if (fields.length - from != count) {
            throw new IllegalArgumentException("invalid NFS " + what + " stats: " + String.join(" ", fields));
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            try {
                values[i] = Unsigned.parse(fields[from + i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid NFS " + what + " stats: " + e.getMessage(), e);
            }
        }
        return values;
    }

    /** Go's {@code time.ParseDuration(text + "s")} in seconds, for the plain decimals the kernel prints. */
    private static double seconds(String text) {
        try {
            double value = GoFloat.parse(text);
            if (Double.isNaN(value) || Double.isInfinite(value)
                    || text.toLowerCase(java.util.Locale.ROOT).contains("e")) {
                throw new NumberFormatException(text);
            }
            // A Duration counts whole nanoseconds.
            return Math.floor(Math.abs(value) * 1e9) / 1e9 * Math.signum(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time: invalid duration \"" + text + "s\"", e);
        }
    }

    private static void need(String[] fields, int count) {
        if (fields.length < count) {
            throw new IllegalArgumentException("not enough information for NFS stats: " + String.join(" ", fields));
        }
    }

    /**
     * The server address ({@code addr=} super option) of each mount in {@code mountinfo}, in file
     * order; empty for mounts without one.
     *
     * @throws IllegalArgumentException for a line that is not a mountinfo entry
     */
    public static List<String> mountAddresses(String mountinfo) {
        List<String> addresses = new ArrayList<>();
        Lines lines = new Lines(mountinfo);
        String line;
        while ((line = lines.nextRaw()) != null) {
            String[] fields = line.split(" ", -1);
            int n = fields.length;
            if (n < 10) {
                throw new IllegalArgumentException("couldn't find enough fields in mount string: " + line);
            }
            if (!fields[n - 4].equals("-")) {
                throw new IllegalArgumentException("couldn't find separator in expected field: " + fields[n - 4]);
            }
            try {
                Integer.parseInt(fields[0]);
                Integer.parseInt(fields[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("failed to parse mount ID: " + line, e);
            }
            String address = "";
            for (String option : fields[n - 1].split(",", -1)) {
                String[] split = option.split("=", -1);
                if (split[0].equals("addr")) {
                    address = split.length < 2 ? "" : split[1];
                }
            }
            addresses.add(address);
        }
        return addresses;
    }

    /** Line-by-line reading, as Go's scanner: a last line without newline counts, none after a final one. */
    private static final class Lines {
        private final String text;
        private int pos;

        Lines(String text) {
            this.text = text;
        }

        String nextRaw() {
            if (pos >= text.length()) {
                return null;
            }
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(pos, end);
            pos = end + 1;
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }

        String[] next() {
            String line = nextRaw();
            if (line == null) {
                return null;
            }
            return GoFields.split(line);
        }
    }
}
