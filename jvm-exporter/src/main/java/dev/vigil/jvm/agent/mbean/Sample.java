package dev.vigil.jvm.agent.mbean;

/** One exported value: the rule's {@link Match} and the final number (factor applied, booleans 1/0). */
public record Sample(Match match, double value) {
}
