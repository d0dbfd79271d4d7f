package dev.vigil.alerting.template;

import dev.vigil.alerting.template.Node.Arg;
import dev.vigil.alerting.template.Node.Branch;
import dev.vigil.alerting.template.Node.Command;
import dev.vigil.alerting.template.Node.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks the tree as Go's exec.go does: variables in a stack popped at the end of each control
 * structure, {@code and}/{@code or} short-circuiting, the previous command's value appended as
 * the last argument of the next, and Go's error text with {@code name:line:col} (col 0-based).
 */
final class Executor {
    /** A template body with the name and text of the parse that produced it, for error positions. */
    record Defined(String parseName, String text, List<Node> nodes) {
    }

    /** Go allows 100000 nested template calls; Java's stack does not, and real templates nest a few levels. */
    private static final int MAX_DEPTH = 1000;

    private final Map<String, Defined> templates;
    private final Map<String, TemplateFunction> funcs;
    private final boolean html;
    private final boolean missingKeyZero;
    private final StringBuilder out = new StringBuilder();
    private final List<String> varNames = new ArrayList<>();
    private final List<Object> varValues = new ArrayList<>();
    private Defined current;
    private String currentName;
    private int depth;

    private static final class ExecError extends RuntimeException {
        ExecError(String message) {
            super(message, null, false, false);
        }
    }

    private static final class BreakSignal extends RuntimeException {
        final boolean isBreak;

        BreakSignal(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    Executor(Map<String, Defined> templates, Map<String, TemplateFunction> funcs, boolean html, boolean missingKeyZero) {
        this.templates = templates;
        this.funcs = funcs;
        this.html = html;
        this.missingKeyZero = missingKeyZero;
    }

    String run(String name, Object data) throws TemplateException {
        Defined t = templates.get(name);
        if (t == null) {
            throw new TemplateException("template: no template " + GoFmt.quote(name) + " associated with template "
                    + GoFmt.quote(name));
        }
        current = t;
        currentName = name;
        varNames.add("$");
        varValues.add(data);
        try {
            list(t.nodes(), data);
        } catch (ExecError e) {
            throw new TemplateException(e.getMessage());
        }
        return out.toString();
    }

    private ExecError error(int pos, String context, String msg) {
        String text = current.text();
        int line = 1;
        for (int k = 0; k < pos && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        int col = pos - (text.lastIndexOf('\n', pos - 1) + 1);
        String ctx = context.length() > 20 ? context.substring(0, 20) + "..." : context;
        return new ExecError("template: " + current.parseName() + ":" + line + ":" + col + ": executing "
                + GoFmt.quote(currentName) + " at <" + ctx + ">: " + msg);
    }

    private void list(List<Node> nodes, Object dot) {
        for (Node n : nodes) {
            node(n, dot);
        }
    }

    private void node(Node n, Object dot) {
        switch (n) {
            case Node.Text t -> out.append(t.text());
            case Node.Action a -> {
                Object v = pipeline(a.pipe(), dot, true);
                if (a.pipe().decl().isEmpty()) {
                    print(v);
                }
            }
            case Branch b when b.kind() == Branch.Kind.RANGE -> range(b, dot);
            case Branch b -> {
                int mark = varNames.size();
                Object v = pipeline(b.pipe(), dot, true);
                if (Builtins.truth(v)) {
                    list(b.list(), b.kind() == Branch.Kind.WITH ? v : dot);
                } else if (b.elseList() != null) {
                    list(b.elseList(), dot);
                }
                pop(mark);
            }
            case Node.TemplateCall c -> call(c, dot);
            case Node.Break b -> throw new BreakSignal(true);
            case Node.Continue c -> throw new BreakSignal(false);
        }
    }

    private void print(Object v) {
        if (v == null) {
            out.append(html ? "" : "<no value>");
        } else if (v instanceof SafeHtml h) {
            out.append(h.html());
        } else {
            String s = GoFmt.value(v);
            out.append(html ? Builtins.htmlEscape(s) : s);
        }
    }

    private void range(Branch b, Object dot) {
        int mark = varNames.size();
        Object v = pipeline(b.pipe(), dot, false);
        List<String> decl = b.pipe().decl();
        List<Object[]> items = new ArrayList<>(); // {key, element}
        switch (v) {
            case null -> {
            }
            case Map<?, ?> m -> new TreeMap<>(m).forEach((k, e) -> items.add(new Object[] {k, e}));
            case List<?> l -> {
                for (int k = 0; k < l.size(); k++) {
                    items.add(new Object[] {(long) k, l.get(k)});
                }
            }
            case Object[] arr -> {
                for (int k = 0; k < arr.length; k++) {
                    items.add(new Object[] {(long) k, arr[k]});
                }
            }
            case Iterable<?> it -> {
                long k = 0;
                for (Object e : it) {
                    items.add(new Object[] {k++, e});
                }
            }
            default -> throw error(b.pos(), "range", "range can't iterate over " + GoFmt.value(v));
        }
        if (!b.pipe().isAssign()) {
            for (String d : decl) {
                varNames.add(d);
                varValues.add(null);
            }
        }
        boolean any = false;
        for (Object[] item : items) {
            any = true;
            if (decl.size() == 1) {
                setVar(decl.get(0), item[1]);
            } else if (decl.size() == 2) {
                setVar(decl.get(0), item[0]);
                setVar(decl.get(1), item[1]);
            }
            int inner = varNames.size();
            try {
                list(b.list(), item[1]);
            } catch (BreakSignal s) {
                if (s.isBreak) {
                    pop(inner);
                    break;
                }
            }
            pop(inner);
        }
        pop(mark);
        if (!any && b.elseList() != null) {
            list(b.elseList(), dot);
        }
    }

    private void call(Node.TemplateCall c, Object dot) {
        Defined t = templates.get(c.name());
        if (t == null) {
            String context = "{{template " + GoFmt.quote(c.name())
                    + (c.pipe() == null ? "" : " " + String.join(" | ", c.pipe().cmds().stream().map(Command::source).toList()))
                    + "}}";
            throw error(c.pos(), context, "template " + GoFmt.quote(c.name()) + " not defined");
        }
        Object newDot = c.pipe() == null ? null : pipeline(c.pipe(), dot, true);
        if (++depth > MAX_DEPTH) {
            throw error(c.pos(), "template " + GoFmt.quote(c.name()), "exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Defined savedT = current;
        String savedName = currentName;
        List<String> savedNames = new ArrayList<>(varNames);
        List<Object> savedValues = new ArrayList<>(varValues);
        varNames.clear();
        varValues.clear();
        varNames.add("$");
        varValues.add(newDot);
        current = t;
        currentName = c.name();
        try {
            list(t.nodes(), newDot);
        } finally {
            current = savedT;
            currentName = savedName;
            varNames.clear();
            varNames.addAll(savedNames);
            varValues.clear();
            varValues.addAll(savedValues);
            depth--;
        }
    }

    private void pop(int mark) {
        while (varNames.size() > mark) {
            varNames.remove(varNames.size() - 1);
            varValues.remove(varValues.size() - 1);
        }
    }

    private void setVar(String name, Object value) {
        for (int k = varNames.size() - 1; k >= 0; k--) {
            if (varNames.get(k).equals(name)) {
                varValues.set(k, value);
                return;
            }
        }
    }

    private Object var(String name) {
        for (int k = varNames.size() - 1; k >= 0; k--) {
            if (varNames.get(k).equals(name)) {
                return varValues.get(k);
            }
        }
        return null;
    }

    private Object pipeline(Pipeline p, Object dot, boolean declare) {
        Object value = null;
        boolean first = true;
        for (Command c : p.cmds()) {
            value = command(c, dot, value, !first);
            first = false;
        }
        if (declare) {
            for (String d : p.decl()) {
                if (p.isAssign()) {
                    setVar(d, value);
                } else {
                    varNames.add(d);
                    varValues.add(value);
                }
            }
        }
        return value;
    }

    private Object command(Command c, Object dot, Object fin, boolean hasFinal) {
        Arg first = c.args().getFirst();
        List<Arg> rest = c.args().subList(1, c.args().size());
        switch (first) {
            case Node.Identifier id -> {
                return function(c, id.name(), rest, dot, fin, hasFinal);
            }
            case Node.Field f -> {
                return fields(c, f.pos(), f.source(), dot, f.fields(), rest, dot, fin, hasFinal);
            }
            case Node.Variable v -> {
                return fields(c, v.pos(), v.source(), var(v.name()), v.fields(), rest, dot, fin, hasFinal);
            }
            case Node.Chain ch -> {
                return fields(c, ch.pos(), ch.source(), arg(c, ch.receiver(), dot), ch.fields(), rest, dot, fin, hasFinal);
            }
            default -> {
            }
        }
        if (!rest.isEmpty() || hasFinal) {
            throw error(c.pos(), c.source(), "can't give argument to non-function " + c.source().split(" ")[0]);
        }
        if (first instanceof Node.Nil) {
            throw error(c.pos(), c.source(), "nil is not a command");
        }
        return arg(c, first, dot);
    }

    /** A chain of fields; arguments go to the last one, which must then be a method. */
    private Object fields(Command c, int pos, String source, Object receiver, List<String> names, List<Arg> rest, Object dot, Object fin,
            boolean hasFinal) {
        Object v = receiver;
        for (int k = 0; k < names.size(); k++) {
            List<Object> args = new ArrayList<>();
            if (k == names.size() - 1) {
                for (Arg a : rest) {
                    args.add(arg(c, a, dot));
                }
                if (hasFinal) {
                    args.add(fin);
                }
            }
            try {
                v = Fields.normalize(Fields.field(v, names.get(k), args, missingKeyZero));
            } catch (Fields.FieldError e) {
                throw error(pos, source, e.getMessage());
            }
        }
        if (names.isEmpty() && (!rest.isEmpty() || hasFinal)) {
            throw error(c.pos(), c.source(), "can't give argument to non-function " + c.source().split(" ")[0]);
        }
        return v;
    }

    private Object arg(Command c, Arg a, Object dot) {
        return switch (a) {
            case Node.Dot d -> dot;
            case Node.Nil n -> null;
            case Node.Literal l -> l.value();
            case Node.Number n -> n.value();
            case Node.Identifier id -> function(c, id.name(), List.of(), dot, null, false);
            case Node.Variable v -> fields(c, v.pos(), v.source(), var(v.name()), v.fields(), List.of(), dot, null, false);
            case Node.Field f -> fields(c, f.pos(), f.source(), dot, f.fields(), List.of(), dot, null, false);
            case Node.Chain ch -> fields(c, ch.pos(), ch.source(), arg(c, ch.receiver(), dot), ch.fields(), List.of(), dot, null, false);
            case Node.SubPipe p -> {
                int mark = varNames.size();
                Object v = pipeline(p.pipe(), dot, true);
                pop(mark);
                yield v;
            }
        };
    }

    private Object function(Command c, String name, List<Arg> rest, Object dot, Object fin, boolean hasFinal) {
        if (name.equals("and") || name.equals("or")) {
            if (rest.isEmpty() && !hasFinal) {
                throw error(c.pos(), c.source(), "wrong number of args for " + name + ": want at least 1 got 0");
            }
            Object v = null;
            for (Arg a : rest) {
                v = arg(c, a, dot);
                if (Builtins.truth(v) == name.equals("or")) {
                    return v; // short-circuit, as Go 1.18+ does
                }
            }
            return hasFinal ? fin : v;
        }
        TemplateFunction f = funcs.get(name);
        if (f == null) {
            throw error(c.pos(), c.source(), GoFmt.quote(name) + " is not a defined function");
        }
        List<Object> args = new ArrayList<>();
        for (Arg a : rest) {
            args.add(arg(c, a, dot));
        }
        if (hasFinal) {
            args.add(fin);
        }
        try {
            return Fields.normalize(f.apply(args));
        } catch (ExecError | BreakSignal e) {
            throw e;
        } catch (ArgError e) {
            throw error(c.pos(), c.source(), e.getMessage());
        } catch (Exception e) {
            throw error(c.pos(), c.source(), "error calling " + name + ": " + e.getMessage());
        }
    }
}
