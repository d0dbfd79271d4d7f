package dev.vigil.promql.script;

import java.util.List;

/** A parsed test script: its name (for messages) and its commands in order. */
public record Script(String name, List<Command> commands) {
    public Script {
        commands = List.copyOf(commands);
    }

    /** The evals, in order. */
    public List<Command.Eval> evals() {
        return commands.stream().filter(Command.Eval.class::isInstance).map(Command.Eval.class::cast).toList();
    }
}
