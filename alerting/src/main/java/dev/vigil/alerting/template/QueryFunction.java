package dev.vigil.alerting.template;

import java.util.List;
import java.util.Map;

/**
 * Runs a PromQL expression for the {@code query} template function; supplied by the caller so
 * this package does not depend on the query engine.
 */
@FunctionalInterface
public interface QueryFunction {
    List<Sample> query(String expr) throws Exception;

    /** Prometheus' template sample: {@code .Labels} and {@code .Value}. */
    record Sample(Map<String, String> labels, double value) {
    }

    QueryFunction NONE = expr -> {
        throw new IllegalStateException("query function not available");
    };
}
