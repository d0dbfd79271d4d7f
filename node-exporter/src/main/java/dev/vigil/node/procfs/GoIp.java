package dev.vigil.node.procfs;

/**
 * IP addresses written as Go's {@code net.IP.String()} writes them, since node_exporter puts them
 * in label values: IPv4 (and IPv4-mapped IPv6) dotted, IPv6 in lower-case hex groups without
 * leading zeros and the first longest run of two or more zero groups as {@code ::}. Java's
 * {@code InetAddress.getHostAddress()} writes IPv6 differently ({@code 2620:0:0:0:0:0:0:1}).
 */
public final class GoIp {
    private GoIp() {
    }

    /** The address as Go writes it; {@code <nil>} for an empty or null address, as Go does. */
    public static String format(byte[] ip) {
        if (ip == null || ip.length == 0) {
            return "<nil>";
        }
        if (ip.length == 4) {
            return dotted(ip, 0);
        }
        if (ip.length != 16) {
            StringBuilder hex = new StringBuilder("?");
            for (byte b : ip) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        }
        if (isV4Mapped(ip)) {
            return dotted(ip, 12);
        }
        int bestStart = -1;
        int bestEnd = -1;
        for (int i = 0; i < 16; i += 2) {
            int j = i;
            while (j < 16 && ip[j] == 0 && ip[j + 1] == 0) {
                j += 2;
            }
            if (j > i && j - i > bestEnd - bestStart) {
                bestStart = i;
                bestEnd = j;
                i = j;
            }
        }
        if (bestEnd - bestStart <= 2) {
            bestStart = -1;
            bestEnd = -1;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            if (i == bestStart) {
                out.append("::");
                i = bestEnd;
                if (i >= 16) {
                    break;
                }
            } else if (i > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString(((ip[i] & 0xff) << 8) | (ip[i + 1] & 0xff)));
        }
        return out.toString();
    }

    /** Whether a 16-byte address is {@code ::ffff:a.b.c.d}. */
    public static boolean isV4Mapped(byte[] ip) {
        if (ip.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }

    private static String dotted(byte[] ip, int offset) {
        return (ip[offset] & 0xff) + "." + (ip[offset + 1] & 0xff) + "." + (ip[offset + 2] & 0xff) + "."
                + (ip[offset + 3] & 0xff);
    }
}
