package dev.vigil.hub.am;

import dev.vigil.alerting.am.labels.MatchType;
import dev.vigil.alerting.am.labels.Matcher;
import dev.vigil.alerting.am.labels.MatcherException;
import dev.vigil.alerting.am.labels.Matchers;
import dev.vigil.alerting.am.silence.Silence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code POST /api/v2/silences}' body, {@code PostableSilence}, read as Alertmanager 0.25's
 * go-openapi server reads it: decoding errors are 400, then the schema in field-name order
 * (comment, createdBy, endsAt, matchers with at least one item each with isRegex, name and value,
 * startsAt; 422 with code 602 or 612). {@code isEqual} defaults to true.
 */
record PostableSilence(String id, String comment, String createdBy, Instant startsAt, Instant endsAt,
                       List<Posted> matchers) {

    /** One matcher as posted. */
    record Posted(String name, String value, boolean isRegex, boolean isEqual) {
        MatchType type() {
            if (isRegex) {
                return isEqual ? MatchType.REGEXP : MatchType.NOT_REGEXP;
            }
            return isEqual ? MatchType.EQUAL : MatchType.NOT_EQUAL;
        }
    }

    /** The go-openapi type name in "cannot unmarshal ... into Go value of type ...". */
    private static final String GO_TYPE = "struct { ID string \"json:\\\"id,omitempty\\\"\" }";

    static PostableSilence read(byte[] body) throws AmHttp.Refused {
        if (body.length == 0) {
            throw new AmHttp.Refused(422, 602, "silence in body is required");
        }
        Map<?, ?> f;
        try {
            Object root = JsonBody.parse(body);
            if (root == null) {
                throw new AmHttp.Refused(422, 602, "silence in body is required");
            }
            if (!(root instanceof Map<?, ?> m)) {
                throw JsonBody.typeError(root, "Go value of type " + GO_TYPE);
            }
            f = m;
            String id = string(f.get("id"), "id");
            String comment = string(f.get("comment"), "comment");
            String createdBy = string(f.get("createdBy"), "createdBy");
            Instant endsAt = time(f.get("endsAt"), "endsAt");
            Instant startsAt = time(f.get("startsAt"), "startsAt");
            Object ms = f.get("matchers");
            if (ms != null && !(ms instanceof List<?>)) {
                throw JsonBody.typeError(ms, "Go struct field Silence.matchers of type models.Matchers");
            }
            List<Posted> matchers = null;
            List<String> problems = new ArrayList<>();
            if (ms != null) {
                matchers = new ArrayList<>();
                List<?> list = (List<?>) ms;
                for (int i = 0; i < list.size(); i++) {
                    Object o = list.get(i);
                    if (o == null) {
                        problems.add("matchers." + i + " in body is required");
                        continue;
                    }
                    if (!(o instanceof Map<?, ?> mm)) {
                        throw JsonBody.typeError(o, "Go struct field Silence.matchers of type models.Matcher");
                    }
                    Boolean isEqual = bool(mm.get("isEqual"), "isEqual");
                    Boolean isRegex = bool(mm.get("isRegex"), "isRegex");
                    String name = string(mm.get("name"), "name");
                    String value = string(mm.get("value"), "value");
                    if (isRegex == null) {
                        problems.add("matchers." + i + ".isRegex in body is required");
                    } else if (name == null) {
                        problems.add("matchers." + i + ".name in body is required");
                    } else if (value == null) {
                        problems.add("matchers." + i + ".value in body is required");
                    } else {
                        matchers.add(new Posted(name, value, isRegex, isEqual == null || isEqual));
                    }
                }
            }
            if (comment == null) {
                throw new AmHttp.Refused(422, 602, "comment in body is required");
            }
            if (createdBy == null) {
                throw new AmHttp.Refused(422, 602, "createdBy in body is required");
            }
            if (endsAt == null) {
                throw new AmHttp.Refused(422, 602, "endsAt in body is required");
            }
            if (ms == null) {
                throw new AmHttp.Refused(422, 602, "matchers in body is required");
            }
            if (((List<?>) ms).isEmpty()) {
                throw new AmHttp.Refused(422, 612, "matchers in body should have at least 1 items");
            }
            if (!problems.isEmpty()) {
                throw new AmHttp.Refused(422, 602, problems.get(0));
            }
            if (startsAt == null) {
                throw new AmHttp.Refused(422, 602, "startsAt in body is required");
            }
            return new PostableSilence(id == null ? "" : id, comment, createdBy, startsAt, endsAt, matchers);
        } catch (JsonBody.BodyException e) {
            throw new AmHttp.Refused(400, 400, "parsing silence body from \"\" failed, because " + e.getMessage());
        }
    }

    /**
     * What Alertmanager's {@code validateSilence} says about the matchers (without the "silence
     * invalid: " prefix), or null: each matcher's name and regex, then that at least one matcher
     * does not match the empty string.
     */
    String matcherProblem() {
        boolean allMatchEmpty = true;
        for (int i = 0; i < matchers.size(); i++) {
            Posted m = matchers.get(i);
            if (!Matchers.isValidLabelName(m.name())) {
                return "invalid label matcher " + i + ": invalid label name " + GoJson.string(m.name());
            }
            boolean matchesEmpty;
            if (m.isRegex()) {
                try {
                    matchesEmpty = Pattern.compile("^(?:" + m.value() + ")$").matcher("").matches();
                } catch (PatternSyntaxException e) {
                    return "invalid label matcher " + i + ": invalid regular expression " + GoJson.string(m.value())
                            + ": error parsing regexp: " + e.getDescription() + ": `" + m.value() + "`";
                }
            } else {
                matchesEmpty = m.value().isEmpty();
            }
            if (!m.isEqual()) {
                matchesEmpty = !matchesEmpty;
            }
            allMatchEmpty &= matchesEmpty;
        }
        return allMatchEmpty ? "at least one matcher must not match the empty string" : null;
    }

    /** The silence to store (call after {@link #matcherProblem} found none). */
    Silence silence() {
        List<Matcher> out = new ArrayList<>();
        for (Posted m : matchers) {
            try {
                out.add(Matcher.of(m.type(), m.name(), m.value()));
            } catch (MatcherException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return new Silence(id, new Matchers(out), startsAt, endsAt, null, createdBy, comment);
    }

    private static String string(Object v, String field) throws JsonBody.BodyException {
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw JsonBody.typeError(v, "Go struct field ." + field + " of type string");
        }
        return s;
    }

    private static Boolean bool(Object v, String field) throws JsonBody.BodyException {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw JsonBody.typeError(v, "Go struct field Matcher." + field + " of type bool");
        }
        return b;
    }

    private static Instant time(Object v, String field) throws JsonBody.BodyException {
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw JsonBody.typeError(v, "Go struct field ." + field + " of type strfmt.DateTime");
        }
        try {
            return AmTime.parse(s);
        } catch (IllegalArgumentException e) {
            throw new JsonBody.BodyException(e.getMessage());
        }
    }
}
