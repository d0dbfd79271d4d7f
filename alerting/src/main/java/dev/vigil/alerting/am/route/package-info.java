/**
 * The routing tree as Alertmanager 0.25's {@code dispatch/route.go} builds it: options inherited
 * from the parent, matchers sorted, depth-first matching with {@code continue}, and the route keys
 * ({@code {}/{job="x"}}) and ids that group keys ({@code routeKey:{groupLabels}}) are made of. A
 * dispatcher calls {@link dev.vigil.alerting.am.route.Route#match} and then
 * {@link dev.vigil.alerting.am.route.Route#groupKey} per matched route.
 */
package dev.vigil.alerting.am.route;
