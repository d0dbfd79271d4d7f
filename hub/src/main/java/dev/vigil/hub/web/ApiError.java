package dev.vigil.hub.web;

/**
 * A failed API call: Prometheus' {@code errorType} and message. Handlers throw it;
 * {@link Json#error} writes the envelope with the HTTP status Prometheus 2.42 gives that type.
 */
final class ApiError extends RuntimeException {
    private final String type;

    ApiError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    String type() {
        return type;
    }

    static ApiError badData(String message) {
        return new ApiError("bad_data", message);
    }

    /** {@code invalid parameter "<name>": <reason>}, as Prometheus' {@code invalidParamError} wraps it. */
    static ApiError invalidParam(String name, String reason) {
        return new ApiError("bad_data", "invalid parameter \"" + name + "\": " + reason);
    }

    static ApiError execution(String message) {
        return new ApiError("execution", message);
    }

    static ApiError internal(String message) {
        return new ApiError("internal", message);
    }

    static ApiError unavailable(String message) {
        return new ApiError("unavailable", message);
    }

    /**
     * The HTTP status of an error type, as 2.42's {@code respondError} maps it. "unavailable" has
     * no case there and falls to the default, 500 (what Prometheus 2.42 answers to
     * {@code admin APIs disabled}).
     */
    static int status(String type) {
        return switch (type) {
            case "bad_data" -> 400;
            case "execution" -> 422;
            case "canceled", "timeout" -> 503;
            case "not_found" -> 404;
            case "forbidden" -> 403; // Vigil's admin role check; Prometheus has no such type
            default -> 500;
        };
    }
}
