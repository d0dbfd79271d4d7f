package dev.vigil.alerting.template;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code .Name} on a value. On an object, a public method of a class outside {@code java.*}
 * named {@code Name}, {@code name} (record components, {@code firing()}) or {@code getName()},
 * taking as many arguments as given; as Go tries methods before map keys, a Map subclass with a
 * {@code SortedPairs()} method answers {@code .SortedPairs}. Otherwise a Map answers by key
 * ({@code java.*} methods are never called, so a label named {@code size} stays a label).
 */
final class Fields {
    private Fields() {
    }

    /** Thrown with Go's message; the executor adds position. */
    static final class FieldError extends Exception {
        FieldError(String message) {
            super(message);
        }
    }

    static Object field(Object receiver, String name, List<Object> args, boolean missingKeyZero) throws FieldError {
        if (receiver == null) {
            return null; // Go: a field of no value is no value
        }
        Method m = method(receiver.getClass(), name, args.size());
        if (m != null) {
            return invoke(m, receiver, name, args);
        }
        if (receiver instanceof Map<?, ?> map) {
            if (!args.isEmpty()) {
                throw new FieldError(name + " is not a method but has arguments");
            }
            Object v = map.get(name);
            return v == null && !map.containsKey(name) && missingKeyZero && !(map instanceof AnyMap) ? "" : v;
        }
        if (method(receiver.getClass(), name, -1) != null) {
            throw new FieldError("wrong number of args for " + name + ": want "
                    + method(receiver.getClass(), name, -1).getParameterCount() + " got " + args.size());
        }
        throw new FieldError("can't evaluate field " + name + " in type " + GoFmt.typeName(receiver));
    }

    private static Method method(Class<?> type, String name, int arity) {
        String lower = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        for (String candidate : List.of(name, lower, "get" + name)) {
            for (Method m : type.getMethods()) {
                if (m.getName().equals(candidate) && !Modifier.isStatic(m.getModifiers())
                        && !m.getDeclaringClass().getName().startsWith("java.")
                        && (arity < 0 || m.getParameterCount() == arity) && !m.isVarArgs()) {
                    return m;
                }
            }
        }
        return null;
    }

    private static Object invoke(Method m, Object receiver, String name, List<Object> args) throws FieldError {
        Object[] converted = new Object[args.size()];
        Class<?>[] types = m.getParameterTypes();
        for (int k = 0; k < converted.length; k++) {
            converted[k] = convert(args.get(k), types[k]);
        }
        try {
            m.trySetAccessible();
            return normalize(m.invoke(receiver, converted));
        } catch (InvocationTargetException e) {
            throw new FieldError("error calling " + name + ": " + e.getCause().getMessage());
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new FieldError("error calling " + name + ": " + e.getMessage());
        }
    }

    private static Object convert(Object v, Class<?> type) {
        if ((type == double.class || type == Double.class) && v instanceof Number n) {
            return n.doubleValue();
        }
        if ((type == long.class || type == Long.class) && v instanceof Number n) {
            return n.longValue();
        }
        if ((type == int.class || type == Integer.class) && v instanceof Number n) {
            return n.intValue();
        }
        return v;
    }

    /** Boxes Java's other numbers and arrays into the engine's value kinds. */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        if (v instanceof Iterable<?> it && !(v instanceof List<?>) && !(v instanceof Map<?, ?>)) {
            List<Object> out = new ArrayList<>();
            it.forEach(out::add);
            return out;
        }
        return v;
    }
}
