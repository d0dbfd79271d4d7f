package dev.vigil.node.procfs;

import java.util.List;

/**
 * {@code /proc/net/rpc/nfsd}: the kernel NFS server's counters, read as prometheus/procfs 0.8
 * does. Lines absent from the file leave their counters at zero; an unknown line or a malformed
 * one fails the whole file.
 *
 * @param replyCache {@code rc}: hits, misses, not cached
 * @param fileHandles {@code fh}: stale, total lookups, anonymous lookups, dir not cached, non-dir not cached
 * @param io {@code io}: bytes read, bytes written
 * @param threads {@code th}: threads, times all were busy (the histogram after them is ignored)
 * @param readAhead {@code ra}: cache size, ten histogram buckets, not found
 * @param network {@code net}: packets, UDP packets, TCP packets, TCP connections
 * @param rpc {@code rpc}: calls, bad calls, bad format, bad authentication, bad client
 * @param v2 {@code proc2}, named by {@link NfsClient#V2_PROCEDURES}
 * @param v3 {@code proc3}, named by {@link NfsClient#V3_PROCEDURES}
 * @param v4 {@code proc4}: null, compound
 * @param v4Ops {@code proc4ops}, named by {@link #V4_OPERATIONS}
 */
public record NfsServer(long[] replyCache, long[] fileHandles, long[] io, long[] threads, long[] readAhead,
        long[] network, long[] rpc, long[] v2, long[] v3, long[] v4, long[] v4Ops) {

    /** The NFSv4 operations in {@code proc4ops} order, from operation 0. */
    public static final List<String> V4_OPERATIONS = List.of("Op0Unused", "Op1Unused", "Op2Future", "Access",
            "Close", "Commit", "Create", "DelegPurge", "DelegReturn", "GetAttr", "GetFH", "Link", "Lock", "Lockt",
            "Locku", "Lookup", "LookupRoot", "Nverify", "Open", "OpenAttr", "OpenConfirm", "OpenDgrd", "PutFH",
            "PutPubFH", "PutRootFH", "Read", "ReadDir", "ReadLink", "Remove", "Rename", "Renew", "RestoreFH",
            "SaveFH", "SecInfo", "SetAttr", "Verify", "Write", "RelLockOwner");

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException for an unknown or malformed line
     */
    public static NfsServer parse(String text) {
        long[] replyCache = new long[3];
        long[] fileHandles = new long[5];
        long[] io = new long[2];
        long[] threads = new long[2];
        long[] readAhead = new long[12];
        long[] network = new long[4];
        long[] rpc = new long[5];
        long[] v2 = new long[NfsClient.V2_PROCEDURES.size()];
        long[] v3 = new long[NfsClient.V3_PROCEDURES.size()];
        long[] v4 = new long[2];
        long[] v4Ops = new long[V4_OPERATIONS.size()];
        for (String line : NfsLines.lines(text)) {
            String[] parts = NfsLines.fields(line);
            if (parts.length < 2) {
                throw new IllegalArgumentException("invalid NFSd metric line \"" + line + "\"");
            }
            long[] values;
            if (parts[0].equals("th")) {
                if (parts.length < 3) {
                    throw new IllegalArgumentException("invalid NFSd th metric line \"" + line + "\"");
                }
                values = NfsLines.values(parts, 3, line);
            } else {
                values = NfsLines.values(parts, parts.length, line);
            }
            switch (parts[0]) {
                case "rc" -> NfsLines.exactly(values, replyCache, line);
                case "fh" -> NfsLines.exactly(values, fileHandles, line);
                case "io" -> NfsLines.exactly(values, io, line);
                case "th" -> NfsLines.exactly(values, threads, line);
                case "ra" -> NfsLines.exactly(values, readAhead, line);
                case "net" -> NfsLines.exactly(values, network, line);
                case "rpc" -> NfsLines.exactly(values, rpc, line);
                case "proc2" -> NfsLines.procedures(values, v2, 18, line);
                case "proc3" -> NfsLines.procedures(values, v3, 22, line);
                case "proc4" -> {
                    if (values.length - 1 != values[0] || values[0] != 2) {
                        throw new IllegalArgumentException("invalid V4Stats line \"" + line + "\"");
                    }
                    System.arraycopy(values, 1, v4, 0, 2);
                }
                case "proc4ops" -> NfsLines.procedures(values, v4Ops, 39, line);
                default -> throw new IllegalArgumentException("unknown NFSd metric line \"" + parts[0] + "\"");
            }
        }
        return new NfsServer(replyCache, fileHandles, io, threads, readAhead, network, rpc, v2, v3, v4, v4Ops);
    }
}
