package dev.vigil.container.cgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /proc/<pid>/cgroup}: which cgroup a process is in, per hierarchy. Lines are
 * {@code hierarchy-ID:controller-list:path}; v1 has one per hierarchy ({@code 4:cpu,cpuacct:/docker/<id>},
 * {@code 1:name=systemd:/...}), v2 a single {@code 0::/path}, hybrid both.
 */
public record CgroupMembership(List<Line> lines) {

    /** One hierarchy: its id, its controllers (empty for the v2 line), the path in it. */
    public record Line(int hierarchyId, List<String> controllers, String path) {
        public Line {
            controllers = List.copyOf(controllers);
        }
    }

    public CgroupMembership {
        lines = List.copyOf(lines);
    }

    public static CgroupMembership parse(String text) {
        return parse(text, SkippedLines.LOG);
    }

    public static CgroupMembership parse(String text, SkippedLines skipped) {
        List<Line> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            // The path may itself contain ':' so split at the first two only.
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                skipped.skip(line, "expected hierarchy-ID:controller-list:path");
                continue;
            }
            Long id = Numbers.parseUnsigned(parts[0]);
            if (id == null || id > Integer.MAX_VALUE) {
                skipped.skip(line, "hierarchy id '" + parts[0] + "' is not a number");
                continue;
            }
            if (!parts[2].startsWith("/")) {
                skipped.skip(line, "path '" + parts[2] + "' is not absolute");
                continue;
            }
            List<String> controllers = parts[1].isEmpty() ? List.of() : List.of(parts[1].split(","));
            lines.add(new Line(id.intValue(), controllers, parts[2]));
        }
        return new CgroupMembership(lines);
    }

    /** The path in the v1 hierarchy holding {@code controller} ({@code memory}, {@code name=systemd}). */
    public Optional<String> v1Path(String controller) {
        return lines.stream().filter(l -> l.controllers().contains(controller)).map(Line::path).findFirst();
    }

    /** The path in the v2 (unified) hierarchy: the {@code 0::} line. */
    public Optional<String> unifiedPath() {
        return lines.stream().filter(l -> l.hierarchyId() == 0 && l.controllers().isEmpty())
                .map(Line::path).findFirst();
    }
}
