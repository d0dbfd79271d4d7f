package dev.vigil.promql.ast;

/** Where a node sits in the query text: byte offsets, start inclusive, end exclusive. */
public record PositionRange(int start, int end) {
    public static final PositionRange NONE = new PositionRange(0, 0);
}
