package dev.vigil.alerting.template;

import dev.vigil.alerting.template.QueryFunction.Sample;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus 2.42's template functions (template/template.go) for rule labels and annotations
 * and console templates. Number arguments go through Prometheus' {@code convertToFloat}: float,
 * int or a string parsed as a float; formats use Go's {@code %.4g}.
 */
public final class PrometheusFunctions {
    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
    private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

    private PrometheusFunctions() {
    }

    /** The function map; {@code externalURL} may be null (then pathPrefix and externalURL give ""). */
    public static Map<String, TemplateFunction> create(QueryFunction query, String externalURL) {
        Map<String, TemplateFunction> m = new HashMap<>();
        m.put("query", TemplateFunction.ofString("query", s -> new ArrayList<>(query.query(s))));
        m.put("first", a -> {
            ArgError.count("first", a, 1);
            List<?> v = samples(a.get(0));
            if (v.isEmpty()) {
                throw new IllegalArgumentException("first() called on vector with no elements");
            }
            return v.get(0);
        });
        m.put("label", a -> {
            ArgError.count("label", a, 2);
            String v = sample(a.get(1)).labels().get(ArgError.string(a.get(0)));
            return v == null ? "" : v;
        });
        m.put("value", a -> {
            ArgError.count("value", a, 1);
            return sample(a.get(0)).value();
        });
        m.put("strvalue", a -> {
            ArgError.count("strvalue", a, 1);
            String v = sample(a.get(0)).labels().get("__value__");
            return v == null ? "" : v;
        });
        m.put("sortByLabel", a -> {
            ArgError.count("sortByLabel", a, 2);
            String label = ArgError.string(a.get(0));
            List<Sample> v = new ArrayList<>();
            for (Object o : samples(a.get(1))) {
                v.add(sample(o));
            }
            // a stable sort on Go's bytewise string order; absent labels sort as ""
            v.sort(Comparator.comparing((Sample s) -> s.labels().getOrDefault(label, ""), Builtins::compareBytes));
            return v;
        });
        m.put("args", a -> {
            Map<String, Object> out = new AnyMap();
            for (int k = 0; k < a.size(); k++) {
                out.put("arg" + k, a.get(k));
            }
            return out;
        });
        m.put("reReplaceAll", a -> {
            ArgError.count("reReplaceAll", a, 3);
            return GoRegexp.replaceAll(ArgError.string(a.get(0)), ArgError.string(a.get(1)), ArgError.string(a.get(2)));
        });
        m.put("match", a -> {
            ArgError.count("match", a, 2);
            return GoRegexp.matchString(ArgError.string(a.get(0)), ArgError.string(a.get(1)));
        });
        m.put("safeHtml", TemplateFunction.ofString("safeHtml", SafeHtml::new));
        m.put("title", TemplateFunction.ofString("title", GoStrings::title));
        m.put("toUpper", TemplateFunction.ofString("toUpper", GoStrings::toUpper));
        m.put("toLower", TemplateFunction.ofString("toLower", GoStrings::toLower));
        m.put("graphLink", TemplateFunction.ofString("graphLink",
                s -> "/graph?g0.expr=" + Builtins.queryEscape(s) + "&g0.tab=0"));
        m.put("tableLink", TemplateFunction.ofString("tableLink",
                s -> "/graph?g0.expr=" + Builtins.queryEscape(s) + "&g0.tab=1"));
        m.put("stripPort", a -> {
            ArgError.count("stripPort", a, 1);
            String hostPort = ArgError.string(a.get(0));
            String[] hp = GoStrings.splitHostPort(hostPort);
            return hp == null ? hostPort : hp[0];
        });
        m.put("stripDomain", TemplateFunction.ofString("stripDomain", GoStrings::stripDomain));
        m.put("humanize", a -> humanize(number("humanize", a)));
        m.put("humanize1024", a -> humanize1024(number("humanize1024", a)));
        m.put("humanizeDuration", a -> humanizeDuration(number("humanizeDuration", a)));
        m.put("humanizePercentage", a -> humanizePercentage(number("humanizePercentage", a)));
        m.put("humanizeTimestamp", a -> {
            double v = number("humanizeTimestamp", a);
            return Double.isNaN(v) || Double.isInfinite(v) ? g4(v) : toTime(v).toString();
        });
        m.put("toTime", a -> {
            double v = number("toTime", a);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("value is NaN or Inf");
            }
            return toTime(v);
        });
        m.put("pathPrefix", a -> externalURL == null ? "" : nullToEmpty(URI.create(externalURL).getRawPath()));
        m.put("externalURL", a -> externalURL == null ? "" : externalURL);
        return m;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static GoTime toTime(double v) {
        if (v * 1e9 >= 0x1p63 || v * 1e9 < -0x1p63) {
            throw new IllegalArgumentException(GoFmt.value(v)
                    + " cannot be represented as a nanoseconds timestamp since it overflows int64");
        }
        return GoTime.ofSeconds(v);
    }

    /** Prometheus' convertToFloat. */
    static double number(String name, List<Object> a) {
        ArgError.count(name, a, 1);
        Object v = a.get(0);
        return switch (v) {
            case Double d -> d;
            case Long l -> (double) l;
            case Integer i -> (double) i;
            case String s -> GoStrings.parseFloat(s);
            default -> throw new IllegalArgumentException("can't convert " + GoFmt.typeName(v) + " to float");
        };
    }

    static String g4(double v) {
        return FloatFormat.format(v, 'g', 4);
    }

    public static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        String prefix = "";
        if (Math.abs(v) >= 1) {
            for (String p : BIG) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
            return g4(v) + prefix;
        }
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return g4(v) + prefix;
    }

    public static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        String prefix = "";
        for (String p : BINARY) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return g4(v) + prefix;
    }

    public static String humanizeDuration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        if (v == 0) {
            return g4(v) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = v < 0 ? "-" : "";
            v = Math.abs(v);
            long whole = (long) v;
            long seconds = whole % 60;
            long minutes = whole / 60 % 60;
            long hours = whole / 3600 % 24;
            long days = whole / 86400;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + g4(v) + "s";
        }
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return g4(v) + prefix + "s";
    }

    public static String humanizePercentage(double v) {
        return g4(v * 100) + "%";
    }

    private static List<?> samples(Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new ArgError("wrong type for value; expected template.queryResult; got " + GoFmt.typeName(v));
    }

    private static Sample sample(Object v) {
        if (v instanceof Sample s) {
            return s;
        }
        if (v == null) {
            throw new IllegalArgumentException("runtime error: invalid memory address or nil pointer dereference");
        }
        throw new ArgError("wrong type for value; expected *template.sample; got " + GoFmt.typeName(v));
    }
}
