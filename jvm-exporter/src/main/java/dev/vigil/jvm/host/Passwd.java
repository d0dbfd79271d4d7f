package dev.vigil.jvm.host;

import java.util.HashMap;
import java.util.Map;

/** User names by uid from an {@code /etc/passwd} file. */
public final class Passwd {
    private Passwd() {
    }

    public static Map<Integer, String> parse(String text) {
        Map<Integer, String> names = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length < 3 || line.startsWith("#")) {
                continue;
            }
            try {
                names.putIfAbsent(Integer.parseInt(fields[2]), fields[0]);
            } catch (NumberFormatException e) {
                // a malformed line names nobody
            }
        }
        return names;
    }
}
