package dev.vigil.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit's {@code SystemCallFilter=} resolved to the set of system calls it allows, with the groups
 * ({@code @system-service}, ...) as this host's {@code systemd-analyze syscall-filter} defines them.
 * systemd's rule: the first assignment decides the kind (an allow list here); later assignments
 * add names, and later {@code ~} assignments remove them from the allow list.
 */
final class SyscallFilter {
    private final Map<String, List<String>> groups;

    private SyscallFilter(Map<String, List<String>> groups) {
        this.groups = groups;
    }

    static SyscallFilter load() throws IOException, InterruptedException {
        Command table = Command.run(Duration.ofSeconds(30), "systemd-analyze", "syscall-filter");
        if (table.exitCode() != 0) {
            throw new AssertionError(table.describe());
        }
        Map<String, List<String>> groups = new HashMap<>();
        String group = null;
        List<String> members = null;
        for (String line : table.stdout().split("\n")) {
            if (line.startsWith("@")) {
                group = line.strip();
                members = new java.util.ArrayList<>();
                groups.put(group, members);
            } else if (line.startsWith("    ") && !line.strip().startsWith("#") && group != null) {
                members.add(line.strip());
            } else if (line.startsWith("#")) {
                group = null;
            }
        }
        return new SyscallFilter(groups);
    }

    /** Every system call a group or name stands for. */
    Set<String> expand(String item) {
        Set<String> out = new LinkedHashSet<>();
        if (item.startsWith("@")) {
            List<String> members = groups.get(item);
            if (members == null) {
                throw new IllegalArgumentException("no system call group " + item);
            }
            for (String member : members) {
                out.addAll(expand(member));
            }
        } else {
            out.add(item);
        }
        return out;
    }

    /** The system calls {@code unit} allows. */
    Set<String> allowed(UnitFile unit) {
        List<String> lines = unit.all("Service", "SystemCallFilter");
        if (lines.isEmpty() || lines.getFirst().startsWith("~")) {
            throw new IllegalArgumentException("the unit's filter is not an allow list: " + lines);
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String line : lines) {
            boolean deny = line.startsWith("~");
            for (String item : (deny ? line.substring(1) : line).strip().split("\\s+")) {
                if (deny) {
                    allowed.removeAll(expand(item));
                } else {
                    allowed.addAll(expand(item));
                }
            }
        }
        return allowed;
    }
}
