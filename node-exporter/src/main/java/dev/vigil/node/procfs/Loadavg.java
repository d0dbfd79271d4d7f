package dev.vigil.node.procfs;

/** {@code /proc/loadavg}: the 1, 5 and 15 minute load averages. */
public record Loadavg(double load1, double load5, double load15) {

    /** Parses e.g. {@code "0.21 0.37 0.39 1/719 19737"}. */
    public static Loadavg parse(String text) {
        String[] fields = GoFields.split(text);
        if (fields.length < 3) {
            throw new IllegalArgumentException("unexpected content in loadavg: " + text.strip());
        }
        return new Loadavg(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                Double.parseDouble(fields[2]));
    }
}
