package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /proc/mdstat}: the Linux software RAID devices, read as prometheus/procfs 0.8 reads them,
 * quirks included, so the metrics match node_exporter 1.5. A device's section is its device line
 * ({@code md0 : active raid1 sdb1[1] sda1[0]}), a status line with the size in blocks and, for
 * redundant levels, {@code [total/active] [UU_]}, an optional bitmap line and an optional sync line
 * ({@code recovery}, {@code resync}, {@code check}; a {@code reshape} counts as plain active).
 */
public final class Mdstat {
    private static final Pattern STATUS = Pattern.compile("(\\d+) blocks .*\\[(\\d+)/(\\d+)\\] \\[([U_]+)\\]");
    private static final Pattern SYNC_BLOCKS = Pattern.compile("\\((\\d+)/\\d+\\)");
    private static final Pattern SYNC_PERCENT = Pattern.compile("= (.+)%");
    private static final Pattern SYNC_FINISH = Pattern.compile("finish=(.+)min");
    private static final Pattern SYNC_SPEED = Pattern.compile("speed=(.+)[A-Z]");
    private static final Pattern COMPONENT = Pattern.compile("(.*)\\[\\d+\\]");

    /**
     * One md device.
     *
     * @param state {@code active}, {@code inactive}, {@code recovering}, {@code resyncing} or
     *     {@code checking}, or whatever the device line's third field says
     * @param disksTotal the disks the array needs; for raid0 and linear, the disks it has
     * @param blocksSynced the blocks synced so far; the size when no sync is running, 0 when
     *     one is pending or delayed
     * @param syncPercent, syncFinishMinutes, syncSpeed from the sync line (speed in K/sec)
     * @param devices the component devices' names, from the fifth field of the device line on
     */
    public record Device(String name, String state, long disksActive, long disksTotal, long disksFailed,
            long disksDown, long disksSpare, long blocksTotal, long blocksSynced, double syncPercent,
            double syncFinishMinutes, double syncSpeed, List<String> devices) {
    }

    private Mdstat() {
    }

    /**
     * The devices in file order.
     *
     * @throws IllegalArgumentException for a section that does not parse
     */
    public static List<Device> parse(String text) {
        List<Device> devices = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.charAt(0) == ' ' || line.startsWith("Personalities")
                    || line.startsWith("unused")) {
                continue;
            }
            String[] fields = fields(line);
            if (fields.length < 3) {
                throw new IllegalArgumentException("not enough fields in mdline (expected at least 3): " + line);
            }
            String name = fields[0];
            String state = fields[2];
            if (lines.length <= i + 3) {
                throw new IllegalArgumentException("error parsing \"" + name + "\": too few lines for md device");
            }
            long failed = count(line, "(F)");
            long spare = count(line, "(S)");
            long[] status = status(line, lines[i + 1]);

            int syncIndex = lines[i + 2].contains("bitmap") ? i + 3 : i + 2;
            String sync = lines[syncIndex];
            long synced = status[3];
            double percent = 0;
            double finish = 0;
            double speed = 0;
            boolean recovering = sync.contains("recovery");
            boolean resyncing = sync.contains("resync");
            boolean checking = sync.contains("check");
            if (recovering || resyncing || checking) {
                state = recovering ? "recovering" : checking ? "checking" : "resyncing";
                if (sync.contains("PENDING") || sync.contains("DELAYED")) {
                    synced = 0;
                } else {
                    synced = parseLong(group(SYNC_BLOCKS, sync, name), sync);
                    percent = parseDouble(group(SYNC_PERCENT, sync, name).strip(), sync);
                    finish = parseDouble(group(SYNC_FINISH, sync, name), sync);
                    speed = parseDouble(group(SYNC_SPEED, sync, name), sync);
                }
            }
            devices.add(new Device(name, state, status[0], status[1], failed, status[2], spare, status[3], synced,
                    percent, finish, speed, components(fields)));
        }
        return devices;
    }

    /** {active, total, down, size} from the device and status lines. */
    private static long[] status(String deviceLine, String statusLine) {
        String[] fields = fields(statusLine);
        if (fields.length < 1) {
            throw new IllegalArgumentException("unexpected statusLine \"" + statusLine + "\"");
        }
        long size = parseLong(fields[0], statusLine);
        if (deviceLine.contains("raid0") || deviceLine.contains("linear")) {
            long total = count(deviceLine, "[");
            return new long[] {total, total, 0, size};
        }
        if (deviceLine.contains("inactive")) {
            return new long[] {0, 0, 0, size};
        }
        Matcher m = STATUS.matcher(statusLine);
        if (!m.find()) {
            throw new IllegalArgumentException("couldn't find all the substring matches: " + statusLine);
        }
        long total = parseLong(m.group(2), statusLine);
        long active = parseLong(m.group(3), statusLine);
        return new long[] {active, total, count(m.group(4), "_"), size};
    }

    private static List<String> components(String[] fields) {
        List<String> names = new ArrayList<>();
        for (int i = 4; i < fields.length; i++) {
            Matcher m = COMPONENT.matcher(fields[i]);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String group(Pattern pattern, String line, String device) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("error parsing sync line in md device \"" + device + "\": " + line);
        }
        return m.group(1);
    }

    private static String[] fields(String line) {
        return GoFields.split(line);
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    private static long parseLong(String text, String line) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unexpected number \"" + text + "\" in \"" + line + "\"", e);
        }
    }

    private static double parseDouble(String text, String line) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(text.length() - 1))) {
            throw new IllegalArgumentException("unexpected number \"" + text + "\" in \"" + line + "\"");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unexpected number \"" + text + "\" in \"" + line + "\"", e);
        }
    }
}
