package dev.vigil.alerting.template;

import java.util.LinkedHashMap;

/**
 * A Go {@code map[string]interface{}} (what Prometheus' {@code args} returns): a missing key is
 * nil, printed {@code <no value>}, even under missingkey=zero, which only turns missing keys of
 * string maps into "". Other Java maps are taken to be {@code map[string]string} under that option.
 */
public final class AnyMap extends LinkedHashMap<String, Object> {
}
