package dev.vigil.node.procfs;

import java.util.List;

/**
 * {@code /proc/net/rpc/nfs}: the kernel NFS client's network, RPC and per-procedure counters,
 * read as prometheus/procfs 0.8 does. Lines absent from the file leave their counters at zero; an
 * unknown line or a malformed one fails the whole file.
 *
 * @param network {@code net}: packets, UDP packets, TCP packets, TCP connections
 * @param rpc {@code rpc}: calls, retransmissions, authentication refreshes
 * @param v2 {@code proc2} per procedure, named by {@link #V2_PROCEDURES}
 * @param v3 {@code proc3}, named by {@link #V3_PROCEDURES}
 * @param v4 {@code proc4}, named by {@link #V4_PROCEDURES}; a shorter line (older kernels) is
 *     padded with zeros, a longer one cut
 */
public record NfsClient(long[] network, long[] rpc, long[] v2, long[] v3, long[] v4) {

    public static final List<String> V2_PROCEDURES = List.of("Null", "GetAttr", "SetAttr", "Root", "Lookup",
            "ReadLink", "Read", "WrCache", "Write", "Create", "Remove", "Rename", "Link", "SymLink", "MkDir", "RmDir",
            "ReadDir", "FsStat");
    public static final List<String> V3_PROCEDURES = List.of("Null", "GetAttr", "SetAttr", "Lookup", "Access",
            "ReadLink", "Read", "Write", "Create", "MkDir", "SymLink", "MkNod", "Remove", "RmDir", "Rename", "Link",
            "ReadDir", "ReadDirPlus", "FsStat", "FsInfo", "PathConf", "Commit");
    public static final List<String> V4_PROCEDURES = List.of("Null", "Read", "Write", "Commit", "Open",
            "OpenConfirm", "OpenNoattr", "OpenDowngrade", "Close", "Setattr", "FsInfo", "Renew", "SetClientID",
            "SetClientIDConfirm", "Lock", "Lockt", "Locku", "Access", "Getattr", "Lookup", "LookupRoot", "Remove",
            "Rename", "Link", "Symlink", "Create", "Pathconf", "StatFs", "ReadLink", "ReadDir", "ServerCaps",
            "DelegReturn", "GetACL", "SetACL", "FsLocations", "ReleaseLockowner", "Secinfo", "FsidPresent",
            "ExchangeID", "CreateSession", "DestroySession", "Sequence", "GetLeaseTime", "ReclaimComplete",
            "LayoutGet", "GetDeviceInfo", "LayoutCommit", "LayoutReturn", "SecinfoNoName", "TestStateID",
            "FreeStateID", "GetDeviceList", "BindConnToSession", "DestroyClientID", "Seek", "Allocate",
            "DeAllocate", "LayoutStats", "Clone");

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException for an unknown or malformed line
     */
    public static NfsClient parse(String text) {
        long[] network = new long[4];
        long[] rpc = new long[3];
        long[] v2 = new long[V2_PROCEDURES.size()];
        long[] v3 = new long[V3_PROCEDURES.size()];
        long[] v4 = new long[V4_PROCEDURES.size()];
        for (String line : NfsLines.lines(text)) {
            String[] parts = NfsLines.fields(line);
            if (parts.length < 2) {
                throw new IllegalArgumentException("invalid NFS metric line \"" + line + "\"");
            }
            long[] values = NfsLines.values(parts, parts.length, line);
            switch (parts[0]) {
                case "net" -> NfsLines.exactly(values, network, line);
                case "rpc" -> NfsLines.exactly(values, rpc, line);
                case "proc2" -> NfsLines.procedures(values, v2, 18, line);
                case "proc3" -> NfsLines.procedures(values, v3, 22, line);
                case "proc4" -> {
                    if (values.length - 1 != values[0]) {
                        throw new IllegalArgumentException("invalid ClientV4Stats line \"" + line + "\"");
                    }
                    System.arraycopy(values, 1, v4, 0, Math.min(v4.length, values.length - 1));
                }
                default -> throw new IllegalArgumentException("unknown NFS metric line \"" + parts[0] + "\"");
            }
        }
        return new NfsClient(network, rpc, v2, v3, v4);
    }
}
