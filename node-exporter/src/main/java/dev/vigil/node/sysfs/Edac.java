package dev.vigil.node.sysfs;

import dev.vigil.exporter.host.GoStrconv;
import java.util.ArrayList;
import java.util.List;

/**
 * EDAC memory controller directories under {@code /sys/devices/system/edac/mc}: which entries are
 * controllers ({@code mc<N>}) and chip-select rows ({@code csrow<N>}), and the counts they hold
 * (unsigned base-10 integers).
 */
public final class Edac {
    private Edac() {
    }

    /** The entries matching the glob {@code <prefix>[0-9]*}, in the order given. */
    public static List<String> numbered(List<String> entries, String prefix) {
        List<String> out = new ArrayList<>();
        for (String entry : entries) {
            if (entry.length() > prefix.length() && entry.startsWith(prefix) && isDigit(entry.charAt(prefix.length()))) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The number node_exporter labels an entry with: the digits right after the prefix. */
    public static String number(String entry, String prefix) {
        int end = prefix.length();
        while (end < entry.length() && isDigit(entry.charAt(end))) {
            end++;
        }
        return entry.substring(prefix.length(), end);
    }

    /**
     * A count file's value.
     *
     * @throws NumberFormatException if it is not an unsigned integer
     */
    public static double count(String text) {
        return GoStrconv.unsignedToDouble(GoStrconv.parseUnsignedDecimal(GoStrconv.trimSpace(text)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
