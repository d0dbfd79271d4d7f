package dev.vigil.exporter.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One flag and, after parsing, its value. Created through {@link FlagSet}; read with {@link #get()}.
 *
 * @param <T> the parsed value's type
 */
public final class Flag<T> {
    private final String name;
    private final String help;
    private final String placeholder;
    private final boolean bool;
    private final boolean repeatable;
    private final Function<String, T> parser;
    private final T defaultValue;
    private final String defaultText;
    private final List<String> rawValues = new ArrayList<>();
    private T value;
    private boolean set;

    Flag(String name, String help, String placeholder, boolean bool, boolean repeatable,
            Function<String, T> parser, T defaultValue, String defaultText) {
        this.name = name;
        this.help = help;
        this.placeholder = placeholder;
        this.bool = bool;
        this.repeatable = repeatable;
        this.parser = parser;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.value = defaultValue;
    }

    /** The flag's name without the leading dashes, e.g. {@code web.listen-address}. */
    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    /** The parsed value, or the default when the flag was not given. */
    public T get() {
        return value;
    }

    /** Whether the flag was given on the command line. */
    public boolean isSet() {
        return set;
    }

    /** For repeatable flags: every value given, in order. */
    public List<String> rawValues() {
        return List.copyOf(rawValues);
    }

    boolean isBool() {
        return bool;
    }

    boolean isRepeatable() {
        return repeatable;
    }

    String placeholder() {
        return placeholder;
    }

    String defaultText() {
        return defaultText;
    }

    T defaultValue() {
        return defaultValue;
    }

    void accept(String raw) throws FlagException {
        if (set && !repeatable) {
            throw new FlagException("flag '--" + name + "' cannot be repeated");
        }
        try {
            T parsed = parser.apply(raw);
            rawValues.add(raw);
            value = parsed;
            set = true;
        } catch (IllegalArgumentException e) {
            throw new FlagException("invalid value \"" + raw + "\" for flag '--" + name + "': " + e.getMessage());
        }
    }

    void reset() {
        rawValues.clear();
        value = defaultValue;
        set = false;
    }
}
