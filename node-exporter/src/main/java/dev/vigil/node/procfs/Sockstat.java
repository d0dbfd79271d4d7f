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
        String[] lines = GoFields.lines(text);
        int count = lines.length;
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
            return parseGoInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("error parsing sockstat key/value pairs from \"" + line + "\": " + value, e);
        }
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)}: an optional sign, then decimal, {@code 0x} hex,
     * {@code 0o}/{@code 0} octal or {@code 0b} binary, with underscores allowed between digits.
     */
    static long parseGoInt(String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int radix = 10;
        boolean prefixed = false;
        if (s.length() - i >= 2 && s.charAt(i) == '0') {
            switch (Character.toLowerCase(s.charAt(i + 1))) {
                case 'x' -> radix = 16;
                case 'o' -> radix = 8;
                case 'b' -> radix = 2;
                default -> {
                    radix = 8;
                    i--; // keep the leading 0 as a digit
                }
            }
            i += 2;
            prefixed = true;
        }
        String digits = s.substring(i);
        if (digits.contains("_")) {
            boolean underscoreOk = (prefixed || !digits.startsWith("_")) && !digits.endsWith("_")
                    && !digits.contains("__");
            if (!underscoreOk) {
                throw new NumberFormatException(s);
            }
            digits = digits.replace("_", "");
        }
        if (digits.isEmpty() || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
            throw new NumberFormatException(s);
        }
        long magnitude = Long.parseLong(digits, radix);
        return negative ? -magnitude : magnitude;
    }
}
