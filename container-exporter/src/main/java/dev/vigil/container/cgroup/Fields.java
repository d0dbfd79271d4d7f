package dev.vigil.container.cgroup;

import java.util.regex.Pattern;

/**
 * Whitespace-separated fields of a line, split with one compiled pattern: {@code String.split("\\s+")}
 * compiles its regex on every call, and a scrape splits thousands of cgroup file lines.
 */
final class Fields {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Fields() {
    }

    /** As {@code text.split("\\s+")}. */
    static String[] split(String text) {
        return WHITESPACE.split(text);
    }
}
