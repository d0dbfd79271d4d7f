package dev.vigil.jvm.host;

import java.util.ArrayList;
import java.util.List;

/**
 * What we need from {@code /proc/<pid>/status}.
 *
 * @param name the command name ({@code Name:}), "java" for the standard launcher
 * @param uid the real user id, -1 if absent
 * @param nsPids {@code NSpid:} from the procfs' namespace inward: the last is the PID the process sees itself as
 * @param residentBytes {@code VmRSS:}, 0 for a kernel thread or a zombie
 */
public record ProcStatus(String name, int uid, List<Integer> nsPids, long residentBytes) {

    /** The PID as the process itself sees it (its innermost namespace). */
    public int innermostPid(int pid) {
        return nsPids.isEmpty() ? pid : nsPids.getLast();
    }

    /** Whether the process lives in a PID namespace below the procfs' one (a container, usually). */
    public boolean inChildPidNamespace() {
        return nsPids.size() > 1;
    }

    public static ProcStatus parse(String text) {
        String name = "";
        int uid = -1;
        List<Integer> nsPids = new ArrayList<>(2);
        long rss = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "Name" -> name = value;
                case "Uid" -> uid = Integer.parseInt(firstField(value));
                case "NSpid" -> {
                    for (String field : value.split("\\s+")) {
                        nsPids.add(Integer.parseInt(field));
                    }
                }
                case "VmRSS" -> rss = Long.parseLong(firstField(value)) * 1024;
                default -> {
                }
            }
        }
        return new ProcStatus(name, uid, List.copyOf(nsPids), rss);
    }

    private static String firstField(String value) {
        int space = value.indexOf(' ');
        int tab = value.indexOf('\t');
        int end = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
        return end < 0 ? value : value.substring(0, end);
    }
}
