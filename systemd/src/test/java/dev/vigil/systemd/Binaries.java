package dev.vigil.systemd;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a binary's main class from this module's test class path (which holds the four binaries'
 * classes), with the small heap and SerialGC of the launchers, and reads its flags from its own
 * {@code --help}.
 */
final class Binaries {
    /** A flag in kingpin-style help: {@code --name=VALUE}, {@code --name} or {@code --[no-]name}. */
    private static final Pattern HELP_FLAG = Pattern.compile("^\\s+(?:-\\w, )?--(\\[no-])?([A-Za-z0-9_.-]+)", Pattern.MULTILINE);

    private Binaries() {
    }

    static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /** The JVM command line that runs {@code unit}'s binary with {@code args}. */
    static List<String> command(Unit unit, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-Dchronicle.analytics.disable=true", "--enable-native-access=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), unit.mainClass()));
        command.addAll(args);
        return command;
    }

    /**
     * Every flag name {@code --help} lists, without the dashes; a {@code --[no-]x} flag gives both
     * {@code x} and {@code no-x}.
     */
    static Set<String> helpFlags(Unit unit) throws IOException, InterruptedException {
        Command help = Command.run(Duration.ofSeconds(60), command(unit, List.of("--help")).toArray(String[]::new));
        if (help.exitCode() != 0) {
            throw new AssertionError(help.describe());
        }
        Set<String> flags = new LinkedHashSet<>();
        Matcher m = HELP_FLAG.matcher(help.stdout() + help.stderr());
        while (m.find()) {
            flags.add(m.group(2));
            if (m.group(1) != null) {
                flags.add("no-" + m.group(2));
            }
        }
        return flags;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
