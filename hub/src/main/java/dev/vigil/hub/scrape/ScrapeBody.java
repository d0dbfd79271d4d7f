package dev.vigil.hub.scrape;

/**
 * A target's response: {@code bytes[0, length)} in the format {@code contentType} names (null when
 * the target sent none). The array has at least one spare byte past {@code length}, which the
 * text parser uses for its terminating newline instead of copying the body.
 */
public record ScrapeBody(byte[] bytes, int length, String contentType) {
    public static ScrapeBody of(byte[] content, String contentType) {
        return new ScrapeBody(java.util.Arrays.copyOf(content, content.length + 1), content.length, contentType);
    }
}
