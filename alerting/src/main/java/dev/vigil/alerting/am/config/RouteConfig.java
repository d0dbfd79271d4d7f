package dev.vigil.alerting.am.config;

import dev.vigil.alerting.am.labels.Matchers;
import java.time.Duration;
import java.util.List;

/**
 * One route as written: unset options are null (they are inherited from the parent when the tree is
 * built). {@code groupBy} null means "not set"; {@code groupByAll} is {@code group_by: ['...']}.
 * The three matcher forms are kept apart because Alertmanager adds them to a route in this order.
 */
public record RouteConfig(String receiver, List<String> groupBy, boolean groupByAll, Matchers match,
                          Matchers matchRe, Matchers matchers, boolean continueMatching, Duration groupWait,
                          Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals,
                          List<String> activeTimeIntervals, List<RouteConfig> routes, int line) {
}
