package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * IP Virtual Server tables: {@code /proc/net/ip_vs_stats} (totals since boot, hexadecimal) and
 * {@code /proc/net/ip_vs} (virtual services and their real servers).
 */
public final class Ipvs {
    private Ipvs() {
    }

    /**
     * The totals on the third line of {@code ip_vs_stats}.
     *
     * @param connections connections scheduled
     * @param incomingPackets packets in
     * @param outgoingPackets packets out
     * @param incomingBytes bytes in
     * @param outgoingBytes bytes out
     */
    public record Stats(long connections, long incomingPackets, long outgoingPackets, long incomingBytes,
            long outgoingBytes) {
    }

    /**
     * One real server of a virtual service, with label values as node_exporter writes them.
     *
     * @param localAddress the service address; empty for a firewall-mark service
     * @param localPort the service port; 0 for a firewall-mark service
     * @param localMark the firewall mark; empty for an address service
     * @param remoteAddress the real server's address
     * @param remotePort the real server's port
     * @param proto {@code TCP}, {@code UDP} or {@code FWM}
     * @param weight the server's weight
     * @param activeConn active connections
     * @param inactConn inactive connections
     */
    public record Backend(String localAddress, int localPort, String localMark, String remoteAddress, int remotePort,
            String proto, long weight, long activeConn, long inactConn) {
    }

    /**
     * Parses {@code ip_vs_stats}.
     *
     * @throws IllegalArgumentException if the file has fewer than four lines or the third does
     *     not hold five hexadecimal numbers
     */
    public static Stats parseStats(String text) {
        String[] lines = text.split("\n", 4);
        if (lines.length != 4) {
            throw new IllegalArgumentException("ip_vs_stats corrupt: too short");
        }
        String[] fields = GoFields.split(lines[2]);
        if (fields.length != 5) {
            throw new IllegalArgumentException("ip_vs_stats corrupt: unexpected number of fields");
        }
        return new Stats(hex(fields[0]), hex(fields[1]), hex(fields[2]), hex(fields[3]), hex(fields[4]));
    }

    /**
     * Parses {@code ip_vs}. A service line ({@code TCP|UDP addr:port sched}, {@code FWM mark sched})
     * sets the service for the {@code ->} lines that follow; other protocols' service lines (SCTP)
     * are not recognized, as in node_exporter 1.5, so their servers count under the previous
     * service.
     *
     * @throws IllegalArgumentException for an address, port or number that does not parse
     */
    public static List<Backend> parseBackends(String text) {
        List<Backend> backends = new ArrayList<>();
        String proto = "";
        String localMark = "";
        String localAddress = "";
        int localPort = 0;
        for (String line : text.split("\n")) {
            String[] fields = GoFields.split(line);
            if (fields.length == 0) {
                continue;
            }
            String first = fields[0];
            if (first.equals("IP") || first.equals("Prot") || fields.length > 1 && fields[1].equals("RemoteAddress:Port")) {
                continue;
            }
            switch (first) {
                case "TCP", "UDP" -> {
                    if (fields.length < 2) {
                        continue;
                    }
                    proto = first;
                    localMark = "";
                    AddressPort local = addressPort(fields[1]);
                    localAddress = local.address();
                    localPort = local.port();
                }
                case "FWM" -> {
                    if (fields.length < 2) {
                        continue;
                    }
                    proto = first;
                    localMark = fields[1];
                    localAddress = "";
                    localPort = 0;
                }
                case "->" -> {
                    if (fields.length < 6) {
                        continue;
                    }
                    AddressPort remote = addressPort(fields[1]);
                    backends.add(new Backend(localAddress, localPort, localMark, remote.address(), remote.port(), proto,
                            decimal(fields[3]), decimal(fields[4]), decimal(fields[5])));
                }
                default -> {
                    // not a line node_exporter reads
                }
            }
        }
        return backends;
    }

    private record AddressPort(String address, int port) {
    }

    /** {@code C0A80016:0CEA} or {@code [2620:0000:...:0001]:0050}. */
    private static AddressPort addressPort(String s) {
        byte[] ip;
        if (s.length() == 13) {
            try {
                ip = HexFormat.of().parseHex(s, 0, 8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unexpected IP:Port: " + s, e);
            }
        } else if (s.length() == 46) {
            ip = ipv6(s.substring(1, 40));
        } else {
            throw new IllegalArgumentException("unexpected IP:Port: " + s);
        }
        String port = s.substring(s.length() - 4);
        int value;
        try {
            value = Integer.parseInt(port, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unexpected port: " + port, e);
        }
        if (value < 0 || port.startsWith("+")) {
            throw new IllegalArgumentException("unexpected port: " + port);
        }
        return new AddressPort(GoIp.format(ip), value);
    }

    /** Eight colon-separated groups of four hex digits, as the kernel writes them here. */
    private static byte[] ipv6(String s) {
        String[] groups = s.split(":", -1);
        if (groups.length != 8) {
            throw new IllegalArgumentException(s + " is not a valid IPv6 address");
        }
        byte[] ip = new byte[16];
        for (int i = 0; i < 8; i++) {
            int group;
            try {
                group = groups[i].isEmpty() || groups[i].length() > 4 || groups[i].startsWith("+") || groups[i].startsWith("-")
                        ? -1 : Integer.parseInt(groups[i], 16);
            } catch (NumberFormatException e) {
                group = -1;
            }
            if (group < 0) {
                throw new IllegalArgumentException(s + " is not a valid IPv6 address");
            }
            ip[2 * i] = (byte) (group >> 8);
            ip[2 * i + 1] = (byte) group;
        }
        return ip;
    }

    private static long hex(String field) {
        try {
            return Long.parseUnsignedLong(field, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ip_vs_stats: not a hexadecimal number: " + field, e);
        }
    }

    private static long decimal(String field) {
        try {
            return Long.parseUnsignedLong(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ip_vs: not a number: " + field, e);
        }
    }
}
