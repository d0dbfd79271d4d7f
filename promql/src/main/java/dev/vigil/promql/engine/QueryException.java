package dev.vigil.promql.engine;

/** A query that failed while running: the API's error type and Prometheus' message. */
public class QueryException extends RuntimeException {
    private final ErrorType errorType;

    public QueryException(ErrorType errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
    }

    public ErrorType errorType() {
        return errorType;
    }

    /** {@code query timed out in <where>}. */
    public static QueryException timeout(String where) {
        return new QueryException(ErrorType.TIMEOUT, "query timed out in " + where);
    }

    /** {@code query was canceled in <where>}. */
    public static QueryException canceled(String where) {
        return new QueryException(ErrorType.CANCELED, "query was canceled in " + where);
    }

    /** {@code query processing would load too many samples into memory in <where>}. */
    public static QueryException tooManySamples(String where) {
        return new QueryException(ErrorType.EXECUTION,
                "query processing would load too many samples into memory in " + where);
    }

    /** Any other evaluation failure, e.g. {@code vector cannot contain metrics with the same labelset}. */
    public static QueryException execution(String message) {
        return new QueryException(ErrorType.EXECUTION, message);
    }
}
