package dev.vigil.container.cgroup;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code /proc/<pid>/mountinfo}:
 * {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue}.
 *
 * @param root the directory of the filesystem mounted here (a cgroup namespace shows e.g. {@code /docker/<id>})
 * @param mountPoint where it is mounted, octal escapes ({@code \040}) decoded
 * @param fsType {@code cgroup}, {@code cgroup2}, {@code tmpfs}, ...
 * @param superOptions per-superblock options; for v1 cgroups they name the controllers ({@code rw,cpu,cpuacct})
 * @param device the filesystem's {@code major:minor}
 * @param source the mount source ({@code /dev/vda1}, {@code cgroup}, {@code overlay}), escapes decoded
 */
public record MountInfo(String root, String mountPoint, String fsType, String superOptions, String device,
        String source) {

    /** A mount whose device and source do not matter (tests of the cgroup mounts). */
    public MountInfo(String root, String mountPoint, String fsType, String superOptions) {
        this(root, mountPoint, fsType, superOptions, "", "");
    }

    public static List<MountInfo> parse(String text) {
        return parse(text, SkippedLines.LOG);
    }

    public static List<MountInfo> parse(String text, SkippedLines skipped) {
        List<MountInfo> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.strip().split(" +");
            int separator = -1;
            for (int i = 6; i < fields.length; i++) {
                if (fields[i].equals("-")) {
                    separator = i;
                    break;
                }
            }
            if (fields.length < 10 || separator < 0) {
                skipped.skip(line, "expected at least 6 fields, optional fields, '-', fs type, source, super options");
                continue;
            }
            if (separator + 2 >= fields.length) {
                skipped.skip(line, "fewer than 3 fields after the '-' separator");
                continue;
            }
            String superOptions = separator + 3 < fields.length ? fields[separator + 3] : "";
            mounts.add(new MountInfo(unescape(fields[3]), unescape(fields[4]), fields[separator + 1], superOptions,
                    fields[2], unescape(fields[separator + 2])));
        }
        return List.copyOf(mounts);
    }

    /** The kernel writes space, tab, newline and backslash in paths as 3-digit octal escapes. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
