package dev.vigil.exporter.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Lets {@code /-/healthy} through without credentials, so a kubelet or systemd liveness probe
 * needs no secret; it answers a fixed word and reveals nothing. Every other path goes through the
 * wrapped filter.
 */
final class HealthBypassFilter implements Filter {
    private final Filter delegate;

    HealthBypassFilter(Filter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().path().equals("/-/healthy")) {
            chain.proceed();
            return;
        }
        delegate.filter(chain, req, res);
    }
}
