package dev.vigil.promql.parser;

import dev.vigil.promql.ast.PositionRange;

/** One parse error: where, and why (without the position prefix). */
public record ParseError(PositionRange position, String message, String query) {
}
