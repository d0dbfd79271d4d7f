package dev.vigil.exporter.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A {@code --web.listen-address} value: {@code :9100} (every address), {@code 0.0.0.0:9100},
 * {@code localhost:9100} or {@code [::1]:9100}.
 *
 * @param host the host part, empty for every address
 * @param port the TCP port (0 picks a free one)
 */
public record ListenAddress(String host, int port) {

    /**
     * Parses Go's {@code host:port} form.
     *
     * @throws IllegalArgumentException for a value without a port, or a bad port
     */
    public static ListenAddress parse(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + value + ": missing port in address");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("address " + value + ": too many colons in address");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address " + value + ": invalid port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("address " + value + ": invalid port");
        }
        return new ListenAddress(host, port);
    }

    /**
     * The address to bind. Every-address binds to the wildcard, which the JDK opens dual-stack
     * (IPv4 and IPv6) where the host has IPv6, as Go's {@code :9100} does.
     */
    public InetAddress bindAddress() throws UnknownHostException {
        return host.isEmpty() ? InetAddress.getByName("0.0.0.0") : InetAddress.getByName(host);
    }

    /** The form used in logs, as node_exporter prints it ({@code [::]:9100} for every address). */
    public String display(int boundPort) {
        if (host.isEmpty()) {
            return "[::]:" + boundPort;
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
    }
}
