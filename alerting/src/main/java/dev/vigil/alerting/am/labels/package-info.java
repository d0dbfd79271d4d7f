/**
 * Alertmanager 0.25's label matchers ({@code pkg/labels}) and label-set identity: the four match
 * types, the {@code {a="b", c=~"d.*"}} matcher syntax with Alertmanager's tolerance and error
 * wording, the legacy {@code match}/{@code match_re} maps, and {@code model.LabelSet}'s
 * fingerprint and printed form, which group keys and API ids are built from. Label sets are
 * {@link dev.vigil.model.Labels}; an absent label reads as "", as in Alertmanager.
 */
package dev.vigil.alerting.am.labels;
