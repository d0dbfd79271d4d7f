package dev.vigil.hub.ui;

import dev.vigil.hub.web.AdminRoles;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.function.Supplier;

/**
 * Only an admin identity (the web config's {@code admin} section) may create, change or expire
 * silences, or change anything under the UI's own API (a test notification); a read-only identity
 * gets 403. Alerts may still be posted by any authenticated sender (Prometheus servers use
 * read-only credentials); reload and the TSDB admin API check the role themselves.
 */
public final class RoleGuard implements Filter {
    private final Supplier<AdminRoles> roles;

    public RoleGuard(Supplier<AdminRoles> roles) {
        this.roles = roles;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Method method = req.prologue().method();
        String path = req.path().path();
        boolean mutates = method != Method.GET && method != Method.HEAD && method != Method.OPTIONS;
        boolean guarded = path.startsWith("/api/v2/silence") || path.startsWith(VigilApi.PREFIX);
        if (mutates && guarded && !roles.get().isAdmin(req.headers().first(HeaderNames.AUTHORIZATION).orElse(null))) {
            res.status(Status.FORBIDDEN_403).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .send("this needs an admin identity (admin.users or admin.token_files in the hub's web config)\n");
            return;
        }
        chain.proceed();
    }
}
