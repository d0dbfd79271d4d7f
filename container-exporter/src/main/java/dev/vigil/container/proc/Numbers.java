package dev.vigil.container.proc;

/** Number parsing shared by the parsers, with the offending line in the message. */
final class Numbers {
    private Numbers() {
    }

    /** An unsigned 64-bit decimal, kept in a long's bits. */
    static long parseUnsigned(String field, String line) {
        try {
            return Long.parseUnsignedLong(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an unsigned integer: '" + field + "' in: " + line.strip());
        }
    }
}
