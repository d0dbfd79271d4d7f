package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/interrupts}: a header with one column per CPU, then per interrupt its name, one
 * count per CPU and a description. Numbered interrupts describe themselves as the controller
 * ({@code info}) then the rest ({@code devices}, e.g. {@code 2-edge timer}); named ones ({@code
 * LOC}, {@code IPI0}) only by text. The name is split off at the first colon, because on arm64 a
 * wide count can follow it without a space ({@code IPI0:1234567890}). Lines with fewer fields than
 * CPUs plus one (such as {@code ERR} and {@code MIS}) are skipped; a name seen twice keeps its last
 * line.
 */
public final class Interrupts {
    private Interrupts() {
    }

    /** One interrupt's counts, index = CPU column. */
    public record Interrupt(String name, String info, String devices, List<Double> counts) {
    }

    /**
     * The interrupts in file order.
     *
     * @throws IllegalArgumentException if the file is empty or a count is not a number
     */
    public static List<Interrupt> parse(String text) {
        TextCursor in = new TextCursor(text);
        if (!in.nextLine()) {
            throw new IllegalArgumentException("interrupts empty");
        }
        int cpus = in.remainingFields();
        Map<String, Interrupt> interrupts = new LinkedHashMap<>();
        String[] parts = new String[64];
        while (in.nextLine()) {
            String line = in.line();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            TextCursor rest = new TextCursor(line.substring(colon + 1));
            rest.nextLine();
            int count = 0;
            while (rest.hasField()) {
                if (count == parts.length) {
                    parts = Arrays.copyOf(parts, count * 2);
                }
                parts[count++] = rest.field();
            }
            if (count < cpus + 1) {
                continue;
            }
            String name = trimLeadingSpaces(line.substring(0, colon));
            Double[] counts = new Double[cpus];
            for (int i = 0; i < cpus; i++) {
                try {
                    counts[i] = TextCursor.parseGoFloat(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid value " + parts[i] + " in interrupts", e);
                }
            }
            String info;
            String devices;
            if (isNumber(name)) {
                info = parts[cpus];
                devices = join(parts, cpus + 1, count);
            } else {
                info = join(parts, cpus, count);
                devices = "";
            }
            interrupts.put(name, new Interrupt(name, info, devices, List.of(counts)));
        }
        return new ArrayList<>(interrupts.values());
    }

    private static String trimLeadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    /** Go's {@code strconv.Atoi} succeeding: an optional sign and decimal digits. */
    private static boolean isNumber(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String join(String[] parts, int from, int to) {
        if (from >= to) {
            return "";
        }
        StringBuilder out = new StringBuilder(parts[from]);
        for (int i = from + 1; i < to; i++) {
            out.append(' ').append(parts[i]);
        }
        return out.toString();
    }
}
