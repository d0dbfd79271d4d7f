package dev.vigil.node.procfs;

import java.util.ArrayList;
import java.util.List;

/** {@code /proc/vmstat}: one {@code name value} counter per line. */
public final class Vmstat {
    private Vmstat() {
    }

    /** One counter. */
    public record Field(String name, double value) {
    }

    /**
     * The counters in file order; lines with fewer than two fields are skipped.
     *
     * @throws IllegalArgumentException if a value is not a number
     */
    public static List<Field> parse(String text) {
        List<Field> fields = new ArrayList<>(200);
        TextCursor in = new TextCursor(text);
        while (in.nextLine()) {
            if (!in.hasFields(2)) {
                continue;
            }
            String name = in.field();
            try {
                fields.add(new Field(name, in.doubleField()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid value in vmstat line \"" + in.line() + "\"", e);
            }
        }
        return fields;
    }
}
