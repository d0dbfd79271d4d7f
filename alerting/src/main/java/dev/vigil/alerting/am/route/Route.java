package dev.vigil.alerting.am.route;

import dev.vigil.alerting.am.config.AlertmanagerConfig;
import dev.vigil.alerting.am.config.RouteConfig;
import dev.vigil.alerting.am.config.TimeInterval;
import dev.vigil.alerting.am.labels.LabelSets;
import dev.vigil.alerting.am.labels.Matchers;
import dev.vigil.model.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/** A node of the routing tree. Immutable once built; build the tree with {@link #tree}. */
public final class Route {
    private final Route parent;
    private final int index;
    private final RouteOpts opts;
    private final Matchers matchers;
    private final boolean continueMatching;
    private final List<Route> routes;
    private final String key;

    private Route(RouteConfig c, Route parent, int index) {
        this.parent = parent;
        this.index = index;
        this.opts = inherit(c, parent == null ? null : parent.opts);
        // Same order as Alertmanager (match, match_re, matchers), then sorted: the key depends on it.
        this.matchers = c.match().plus(c.matchRe()).plus(c.matchers()).sorted();
        this.continueMatching = c.continueMatching();
        this.key = (parent == null ? "" : parent.key + "/") + matchers;
        List<Route> children = new ArrayList<>();
        for (int i = 0; i < c.routes().size(); i++) {
            children.add(new Route(c.routes().get(i), this, i));
        }
        this.routes = Collections.unmodifiableList(children);
    }

    /** The tree for a loaded config. */
    public static Route tree(AlertmanagerConfig config) {
        return tree(config.route());
    }

    public static Route tree(RouteConfig root) {
        return new Route(root, null, -1);
    }

    private static RouteOpts inherit(RouteConfig c, RouteOpts p) {
        String receiver = p == null ? "" : p.receiver();
        var groupBy = p == null ? new TreeSet<String>() : new TreeSet<>(p.groupBy());
        boolean all = p != null && p.groupByAll();
        if (!c.receiver().isEmpty()) {
            receiver = c.receiver();
        }
        if (c.groupBy() != null) {
            groupBy = new TreeSet<>(c.groupBy());
            all = false;
        } else if (c.groupByAll()) {
            all = true;
        }
        return new RouteOpts(receiver, groupBy, all,
                c.groupWait() != null ? c.groupWait() : p == null ? RouteOpts.DEFAULT_GROUP_WAIT : p.groupWait(),
                c.groupInterval() != null ? c.groupInterval()
                        : p == null ? RouteOpts.DEFAULT_GROUP_INTERVAL : p.groupInterval(),
                c.repeatInterval() != null ? c.repeatInterval()
                        : p == null ? RouteOpts.DEFAULT_REPEAT_INTERVAL : p.repeatInterval(),
                c.muteTimeIntervals(), c.activeTimeIntervals());
    }

    /**
     * The routes an alert goes to, depth first, left to right: a matching child ends the search among
     * its siblings unless it has {@code continue}; a matching route with no matching child is itself
     * the match. Empty when this route does not match (never for the root, which has no matchers).
     */
    public List<Route> match(Labels labels) {
        if (!matchers.matches(labels)) {
            return List.of();
        }
        List<Route> all = new ArrayList<>();
        for (Route child : routes) {
            List<Route> found = child.match(labels);
            all.addAll(found);
            if (!found.isEmpty() && !child.continueMatching) {
                break;
            }
        }
        if (all.isEmpty()) {
            all.add(this);
        }
        return all;
    }

    /** The receivers of {@link #match}, in order, as {@code amtool config routes test} prints them. */
    public List<String> receivers(Labels labels) {
        return match(labels).stream().map(r -> r.opts.receiver()).toList();
    }

    /** {@code Route.Key()}: the matchers of each route from the root, joined by "/". Not unique. */
    public String key() {
        return key;
    }

    /** {@code Route.ID()}: the key plus this route's index among its siblings; unique in a tree. */
    public String id() {
        return parent == null ? key : key + "/" + index;
    }

    /** The labels an alert is grouped by here: those named in group_by, or all of them for "...". */
    public Labels groupLabels(Labels alert) {
        if (opts.groupByAll()) {
            return alert;
        }
        Labels.Builder b = Labels.builder();
        for (int i = 0; i < alert.size(); i++) {
            if (opts.groupBy().contains(alert.name(i))) {
                b.set(alert.name(i), alert.value(i));
            }
        }
        return b.build();
    }

    /** {@code aggrGroup.GroupKey()}: {@code routeKey:{name="value", ...}}, what notifications and the API carry. */
    public String groupKey(Labels alert) {
        return key + ":" + LabelSets.toGoString(groupLabels(alert));
    }

    /**
     * Whether notifications from this route are muted at {@code t}: inside one of its mute time
     * intervals, or outside all of its active ones (when it names any).
     */
    public boolean mutedAt(Instant t, Map<String, TimeInterval> intervals) {
        for (String name : opts.muteTimeIntervals()) {
            TimeInterval ti = intervals.get(name);
            if (ti != null && ti.contains(t)) {
                return true;
            }
        }
        if (opts.activeTimeIntervals().isEmpty()) {
            return false;
        }
        for (String name : opts.activeTimeIntervals()) {
            TimeInterval ti = intervals.get(name);
            if (ti != null && ti.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** Visits this route and its descendants depth first. */
    public void walk(Consumer<Route> visit) {
        visit.accept(this);
        for (Route r : routes) {
            r.walk(visit);
        }
    }

    public RouteOpts opts() {
        return opts;
    }

    public Matchers matchers() {
        return matchers;
    }

    public boolean continueMatching() {
        return continueMatching;
    }

    public List<Route> routes() {
        return routes;
    }

    public Route parent() {
        return parent;
    }

    @Override
    public String toString() {
        return "Route[" + id() + " receiver=" + opts.receiver() + "]";
    }
}
