package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/<pid>/mounts}: one mount per line, {@code device mountpoint fstype options dump pass},
 * with spaces and tabs in the mount point escaped as {@code \040} and {@code \011} (fstab(5)).
 */
public final class Mounts {
    /** One mount as the kernel lists it. */
    public record Mount(String device, String mountPoint, String fsType, String options) {

        /** Whether the options hold {@code ro}. */
        public boolean readOnly() {
            for (String option : options.split(",")) {
                if (option.equals("ro")) {
                    return true;
                }
            }
            return false;
        }
    }

    private Mounts() {
    }

    /**
     * The mounts in file order.
     *
     * @throws IllegalArgumentException for a line with fewer than four fields, as node_exporter
     *     rejects it
     */
    public static List<Mount> parse(String text) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = GoFields.split(line);
            if (parts.length < 4) {
                throw new IllegalArgumentException("malformed mount point information: \"" + line + "\"");
            }
            String mountPoint = parts[1].replace("\\040", " ").replace("\\011", "\t");
            mounts.add(new Mount(parts[0], mountPoint, parts[2], parts[3]));
        }
        return mounts;
    }
}
