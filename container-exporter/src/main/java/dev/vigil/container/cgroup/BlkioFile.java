package dev.vigil.container.cgroup;

import java.util.ArrayList;
import java.util.List;

/**
 * v1 {@code blkio.*} statistics: {@code 8:0 Read 1282048} lines, op-less {@code 8:0 123} lines
 * ({@code blkio.sectors_recursive}, {@code blkio.time_recursive}), and a closing {@code Total n}
 * line, which is skipped as runc does.
 */
public final class BlkioFile {
    /** One line: a device, an operation ({@code Read Write Sync Async Discard Total}, or "" when the file has none). */
    public record Entry(int major, int minor, String operation, long value) {
    }

    private BlkioFile() {
    }

    public static List<Entry> parse(String text) {
        return parse(text, SkippedLines.LOG);
    }

    public static List<Entry> parse(String text, SkippedLines skipped) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] fields = Fields.split(trimmed);
            if (fields.length == 2 && fields[0].equals("Total")) {
                continue;
            }
            if (fields.length != 2 && fields.length != 3) {
                skipped.skip(line, "expected 'major:minor [operation] value', found " + fields.length + " fields");
                continue;
            }
            int[] device = DeviceNumber.parse(fields[0]);
            if (device == null) {
                skipped.skip(line, "'" + fields[0] + "' is not major:minor");
                continue;
            }
            Long value = Numbers.parseUnsigned(fields[fields.length - 1]);
            if (value == null) {
                skipped.skip(line, "value is not an unsigned integer");
                continue;
            }
            String operation = fields.length == 3 ? fields[1] : "";
            entries.add(new Entry(device[0], device[1], operation, value));
        }
        return List.copyOf(entries);
    }
}
