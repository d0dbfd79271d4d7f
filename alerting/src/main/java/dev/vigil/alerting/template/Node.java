package dev.vigil.alerting.template;

import java.util.List;

/**
 * The parse tree. {@code pos} is the byte offset of the node in the template text; executing
 * errors turn it into Go's {@code name:line:col}. {@code source} is the node's text as Go's
 * {@code String()} gives it, for the {@code at <...>} part of execution errors.
 */
sealed interface Node {
    record Text(String text) implements Node {
    }

    record Action(int pos, Pipeline pipe) implements Node {
    }

    /** {@code if}, {@code range} and {@code with}; {@code else if} is an If alone in elseList. */
    record Branch(Kind kind, int pos, Pipeline pipe, List<Node> list, List<Node> elseList) implements Node {
        enum Kind { IF, RANGE, WITH }
    }

    record TemplateCall(int pos, String name, Pipeline pipe) implements Node {
    }

    record Break(int pos) implements Node {
    }

    record Continue(int pos) implements Node {
    }

    /** {@code decl} holds the variables of {@code $x := } or {@code $x = } (assign when isAssign). */
    record Pipeline(int pos, List<String> decl, boolean isAssign, List<Command> cmds) {
    }

    record Command(int pos, String source, List<Arg> args) {
    }

    /** An operand of a command. */
    sealed interface Arg {
    }

    record Dot() implements Arg {
    }

    record Nil() implements Arg {
    }

    record Literal(Object value, String source) implements Arg {
    }

    /** {@code 1}, {@code 1.5}, {@code 'a'}: Go numbers are untyped until used; see Parser. */
    record Number(Object value, String source) implements Arg {
    }

    record Identifier(String name) implements Arg {
    }

    /** {@code pos} and {@code source} are Go's: with fields, the position of the first field. */
    record Variable(int pos, String source, String name, List<String> fields) implements Arg {
    }

    /** {@code .A.B} on dot. */
    record Field(int pos, String source, List<String> fields) implements Arg {
    }

    /** {@code (pipeline).A.B}. */
    record Chain(int pos, String source, Arg receiver, List<String> fields) implements Arg {
    }

    record SubPipe(Pipeline pipe) implements Arg {
    }
}
