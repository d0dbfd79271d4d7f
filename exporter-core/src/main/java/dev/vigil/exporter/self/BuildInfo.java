package dev.vigil.exporter.self;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version facts stamped into the build ({@code build-info.properties}, filtered by Maven). */
public record BuildInfo(String version, String revision, String branch) {

    /** The facts of this build; "unknown" where the build did not record one. */
    public static BuildInfo current() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return new BuildInfo(value(props, "version"), value(props, "revision"), value(props, "branch"));
    }

    /** The Java runtime version, in the place node_exporter reports its Go version. */
    public static String javaVersion() {
        return "java" + Runtime.version().feature() + "." + Runtime.version().interim() + "." + Runtime.version().update();
    }

    /** One line for {@code --version}, in the shape of Prometheus' {@code version.Print}. */
    public String describe(String program) {
        return program + ", version " + version + " (branch: " + branch + ", revision: " + revision + ")\n"
                + "  java version:     " + Runtime.version() + "\n"
                + "  platform:         " + System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch");
    }

    private static String value(Properties props, String key) {
        String value = props.getProperty(key, "");
        return value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
