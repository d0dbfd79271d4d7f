package dev.vigil.promql.ast;

import static dev.vigil.promql.ast.ValueType.MATRIX;
import static dev.vigil.promql.ast.ValueType.SCALAR;
import static dev.vigil.promql.ast.ValueType.STRING;
import static dev.vigil.promql.ast.ValueType.VECTOR;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every function of PromQL in Prometheus 2.42, by name. */
public final class Functions {
    private static final Map<String, Function> BY_NAME = new TreeMap<>();

    static {
        for (String name : List.of("abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh",
                "deg", "exp", "floor", "histogram_count", "histogram_sum", "ln", "log10", "log2", "rad", "sgn",
                "sin", "sinh", "sort", "sort_desc", "sqrt", "tan", "tanh", "timestamp", "absent")) {
            add(name, VECTOR, 0, VECTOR);
        }
        for (String name : List.of("absent_over_time", "avg_over_time", "changes", "count_over_time", "delta",
                "deriv", "idelta", "increase", "irate", "last_over_time", "max_over_time", "min_over_time",
                "present_over_time", "rate", "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time")) {
            add(name, VECTOR, 0, MATRIX);
        }
        for (String name : List.of("days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute",
                "month", "year")) {
            add(name, VECTOR, 1, VECTOR);
        }
        add("clamp", VECTOR, 0, VECTOR, SCALAR, SCALAR);
        add("clamp_max", VECTOR, 0, VECTOR, SCALAR);
        add("clamp_min", VECTOR, 0, VECTOR, SCALAR);
        add("histogram_fraction", VECTOR, 0, SCALAR, SCALAR, VECTOR);
        add("histogram_quantile", VECTOR, 0, SCALAR, VECTOR);
        add("holt_winters", VECTOR, 0, MATRIX, SCALAR, SCALAR);
        add("label_replace", VECTOR, 0, VECTOR, STRING, STRING, STRING, STRING);
        add("label_join", VECTOR, -1, VECTOR, STRING, STRING, STRING);
        add("pi", SCALAR, 0);
        add("predict_linear", VECTOR, 0, MATRIX, SCALAR);
        add("quantile_over_time", VECTOR, 0, SCALAR, MATRIX);
        add("round", VECTOR, 1, VECTOR, SCALAR);
        add("scalar", SCALAR, 0, VECTOR);
        add("time", SCALAR, 0);
        add("vector", VECTOR, 0, SCALAR);
    }

    private Functions() {
    }

    private static void add(String name, ValueType returns, int variadic, ValueType... args) {
        BY_NAME.put(name, new Function(name, List.of(args), variadic, returns));
    }

    /** The function called {@code name}, or null. */
    public static Function byName(String name) {
        return BY_NAME.get(name);
    }

    /** All functions, sorted by name. */
    public static Map<String, Function> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }
}
