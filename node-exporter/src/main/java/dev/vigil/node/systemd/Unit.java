package dev.vigil.node.systemd;

import java.util.ArrayList;
import java.util.List;
import org.freedesktop.dbus.DBusPath;

/**
 * One entry of the manager's {@code ListUnits} reply ({@code a(ssssssouso)}): the fields the
 * collector uses.
 *
 * @param name e.g. {@code ssh.service}
 * @param loadState e.g. {@code loaded}, {@code not-found}, {@code masked}
 * @param activeState e.g. {@code active}, {@code failed}, {@code reloading}
 * @param path the unit's object path, e.g. {@code /org/freedesktop/systemd1/unit/ssh_2eservice}
 */
public record Unit(String name, String loadState, String activeState, String path) {

    /**
     * The units of a {@code ListUnits} reply's first argument, as dbus-java decodes it: a list of
     * rows, each an {@code Object[]} of the struct's ten fields.
     *
     * @throws IllegalArgumentException if the reply does not have that shape
     */
    public static List<Unit> fromListUnits(Object reply) {
        if (!(reply instanceof List<?> rows)) {
            throw new IllegalArgumentException("ListUnits: expected an array of units, got " + describe(reply));
        }
        List<Unit> units = new ArrayList<>(rows.size());
        for (Object row : rows) {
            if (!(row instanceof Object[] fields) || fields.length < 7) {
                throw new IllegalArgumentException("ListUnits: unexpected unit entry " + describe(row));
            }
            units.add(new Unit(string(fields[0]), string(fields[2]), string(fields[3]), path(fields[6])));
        }
        return units;
    }

    /** Whether the unit's name ends in {@code suffix}, e.g. {@code ".service"}. */
    public boolean is(String suffix) {
        return name.endsWith(suffix);
    }

    private static String string(Object field) {
        if (field instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("ListUnits: expected a string, got " + describe(field));
    }

    private static String path(Object field) {
        if (field instanceof DBusPath p) {
            return p.getPath();
        }
        return string(field);
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName();
    }
}
