package dev.vigil.jvm.agent.mbean;

import java.util.List;

/**
 * What the first matching rule made of a match string: the sample's name, labels, type and HELP, and
 * the value it gives (from the rule's {@code value}) if any. Kept in the {@link MatchCache} for
 * {@code cache: true} rules, so it holds no attribute value of its own.
 *
 * @param name the metric name (sanitized, lower-cased if asked)
 * @param matchName the match string the rule saw; its part before the last {@code :} is the
 *     {@code _objectname} label jmx_exporter adds when a family's label sets collide
 * @param valueOverride the value from the rule's {@code value} template, or null to use the attribute's
 * @param valueFactor the rule's {@code valueFactor} (not applied to booleans)
 */
public record Match(String name, String matchName, MetricKind kind, String help, List<String> labelNames,
        List<String> labelValues, Double valueOverride, double valueFactor) {
    /** The cached answer "no rule matched this match string". */
    static final Match NONE = new Match("", "", MetricKind.UNKNOWN, "", List.of(), List.of(), null, 1.0);

    boolean matched() {
        return this != NONE;
    }

    /** The part of the match string before its last colon: bean name and attribute, without the value. */
    String objectName() {
        int colon = matchName.lastIndexOf(':');
        return colon < 0 ? matchName : matchName.substring(0, colon);
    }
}
