package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/net/sockstat} and {@code sockstat6}: per protocol a line {@code PROTO: key value
 * ...}. The IPv4 file starts with {@code sockets: used N}. As in node_exporter's procfs reader,
 * words are separated by single spaces and the known keys are kept ({@code inuse}, {@code orphan},
 * {@code tw}, {@code alloc}, {@code mem}, {@code memory}); {@code inuse} counts as 0 when absent.
 *
 * @param used the {@code sockets: used} count, or null if the file has no such line
 * @param protocols the protocol lines in file order
 */
public record Sockstat(Long used, List<Protocol> protocols) {

    /**
     * One protocol line; the optional values are null when the line lacks them.
     *
     * @param name the protocol, e.g. {@code TCP}, {@code UDPLITE6}, {@code FRAG}
     * @param inUse sockets in use
     * @param orphan orphaned sockets
     * @param tw sockets in TIME_WAIT
     * @param alloc allocated sockets
     * @param mem memory in pages
     * @param memory memory in bytes (FRAG)
     */
    public record Protocol(String name, long inUse, Long orphan, Long tw, Long alloc, Long mem, Long memory) {
    }

    /**
     * Parses one sockstat file.
     *
     * @throws IllegalArgumentException for a line with fewer than three words, an odd number of
     *     key/value words, or a value that is not an integer
     */
    public static Sockstat parse(String text) {
        Long used = null;
        List<Protocol> protocols = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            String[] fields = line.split(" ", -1);
            if (fields.length < 3) {
                throw new IllegalArgumentException("malformed sockstat line: " + line);
            }
            if ((fields.length - 1) % 2 != 0) {
                throw new IllegalArgumentException("odd number of fields in key/value pairs: " + line);
            }
            String proto = fields[0].endsWith(":") ? fields[0].substring(0, fields[0].length() - 1) : fields[0];
            long inUse = 0;
            Long orphan = null;
            Long tw = null;
            Long alloc = null;
            Long mem = null;
            Long memory = null;
            Long usedHere = 0L;
            for (int k = 1; k < fields.length; k += 2) {
                long value = integer(fields[k + 1], line);
                switch (fields[k]) {
                    case "inuse" -> inUse = value;
                    case "orphan" -> orphan = value;
                    case "tw" -> tw = value;
                    case "alloc" -> alloc = value;
                    case "mem" -> mem = value;
                    case "memory" -> memory = value;
                    case "used" -> usedHere = value;
                    default -> {
                        // a key node_exporter does not know: skipped
                    }
                }
            }
            if (proto.equals("sockets")) {
                used = usedHere;
            } else {
                protocols.add(new Protocol(proto, inUse, orphan, tw, alloc, mem, memory));
            }
        }
        return new Sockstat(used, List.copyOf(protocols));
    }

    private static long integer(String value, String line) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("error parsing sockstat key/value pairs from \"" + line + "\": " + value, e);
        }
    }
}
