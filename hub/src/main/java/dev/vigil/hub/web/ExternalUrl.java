package dev.vigil.hub.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --web.external-url} as Prometheus computes it: empty means {@code http://<hostname>:<port>},
 * quotes around it are refused, and the path loses its trailing slashes (so generator URLs and
 * links append {@code /graph?...} without a double slash).
 */
public final class ExternalUrl {
    private ExternalUrl() {
    }

    /**
     * @param flag the flag's value
     * @param port the first listen address' port, for the default
     * @throws IllegalArgumentException for a quoted value or one that is not a URL
     */
    public static String compute(String flag, int port) {
        String value = flag.isEmpty() ? "http://" + hostname() + ":" + port + "/" : flag;
        if (value.startsWith("\"") || value.startsWith("'") || value.endsWith("\"") || value.endsWith("'")) {
            throw new IllegalArgumentException("parse external URL \"" + flag + "\": URL must not begin or end with quotes");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("parse external URL \"" + flag + "\": " + e.getMessage());
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        path = path.substring(0, end);
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append(':');
        }
        if (uri.getRawAuthority() != null) {
            out.append("//").append(uri.getRawAuthority());
        }
        out.append(path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return out.toString();
    }

    /** The kernel's node name, as Go's {@code os.Hostname} reads it. */
    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
