package dev.vigil.jvm.agent;

import dev.vigil.exporter.http.ListenAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's argument string, read as jmx_exporter's javaagent reads it: {@code port} (every
 * interface), {@code host:port}, {@code [::1]:port}, each optionally followed by {@code :config}
 * (a YAML file; the rest of the string, so it may itself hold colons).
 *
 * @param address where to listen ({@code host} empty for every interface)
 * @param config the agent's YAML config file, if one was given
 */
public record AgentArguments(ListenAddress address, Optional<Path> config) {
    // jmx_exporter's JavaAgent pattern: a host (name, IPv4 or [IPv6]) before the port is optional.
    private static final Pattern FORM = Pattern.compile("^(?:([\\w.-]+|\\[[^]]+]):)?(\\d{1,5})(?::(.+))?$");

    /** The forms accepted, for error messages. */
    public static final String USAGE = "expected [host:]port[:config], e.g. 9404, 127.0.0.1:9404, [::1]:9404 or "
            + "9404:/etc/vigil/jvm-agent.yml";

    /**
     * Parses the string after {@code =} in {@code -javaagent:jar=...}.
     *
     * @throws IllegalArgumentException with a message naming the bad part
     */
    public static AgentArguments parse(String args) {
        if (args == null || args.isBlank()) {
            throw new IllegalArgumentException("no port given: " + USAGE);
        }
        Matcher matcher = FORM.matcher(args.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("cannot read \"" + args + "\": " + USAGE);
        }
        String host = matcher.group(1) == null ? "" : matcher.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (0-65535)");
        }
        Optional<Path> config = Optional.ofNullable(matcher.group(3)).map(Path::of);
        return new AgentArguments(new ListenAddress(host, port), config);
    }
}
