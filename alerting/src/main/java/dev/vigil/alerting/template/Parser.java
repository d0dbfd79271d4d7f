package dev.vigil.alerting.template;

import dev.vigil.alerting.template.Node.Arg;
import dev.vigil.alerting.template.Node.Branch;
import dev.vigil.alerting.template.Node.Command;
import dev.vigil.alerting.template.Node.Pipeline;
import dev.vigil.alerting.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive descent over the tokens, checking at parse time what Go checks at parse time:
 * functions must be defined and variables declared in scope. {@code define} and {@code block}
 * add to {@link #templates}.
 */
final class Parser {
    private final String name;
    private final List<Token> tokens;
    private final Set<String> functions;
    private final Map<String, List<Node>> templates;
    private final List<String> vars = new ArrayList<>();
    private int i;
    private int rangeDepth;

    private Parser(String name, List<Token> tokens, Set<String> functions, Map<String, List<Node>> templates) {
        this.name = name;
        this.tokens = tokens;
        this.functions = functions;
        this.templates = templates;
    }

    /** Parses {@code text}; the top-level list goes in under {@code name}, defines under theirs. */
    static Map<String, List<Node>> parse(String name, String text, Set<String> functions) throws TemplateException {
        Map<String, List<Node>> templates = new LinkedHashMap<>();
        Parser p = new Parser(name, Lexer.lex(name, text), functions, templates);
        p.vars.add("$");
        List<Node> top = new ArrayList<>();
        String end = p.list(top);
        if (!end.equals("eof")) {
            throw p.error(p.tokens.get(p.i - 1), "unexpected {{" + end + "}}");
        }
        p.put(p.tokens.get(p.i), name, top);
        return templates;
    }

    private static boolean isEmpty(List<Node> list) {
        return list.stream().allMatch(n -> n instanceof Node.Text t && t.text().isBlank());
    }

    private TemplateException error(Token t, String msg) {
        return new TemplateException("template: " + name + ":" + t.line() + ": " + msg);
    }

    /** A string token's value; Go's "invalid syntax" (strconv.Unquote's error) for a bad escape. */
    private String unquote(Token t) throws TemplateException {
        try {
            return Literals.unquote(t.text());
        } catch (Literals.InvalidSyntaxException e) {
            throw error(t, e.getMessage());
        }
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token next() {
        return tokens.get(i++);
    }

    private Token nextNonSpace() {
        Token t = next();
        while (t.kind() == Kind.SPACE) {
            t = next();
        }
        return t;
    }

    private Token peekNonSpace() {
        int save = i;
        Token t = nextNonSpace();
        i = save;
        return t;
    }

    /** Parses nodes into {@code out} until eof, {{end}} or {{else}}; returns which ended it. */
    private String list(List<Node> out) throws TemplateException {
        while (true) {
            Token t = next();
            switch (t.kind()) {
                case EOF -> {
                    i--;
                    return "eof";
                }
                case TEXT -> out.add(new Node.Text(t.text()));
                case LEFT -> {
                    Token k = peekNonSpace();
                    if (k.kind() == Kind.KEYWORD) {
                        nextNonSpace();
                        switch (k.text()) {
                            case "end", "else" -> {
                                return k.text();
                            }
                            case "if" -> out.add(branch(Branch.Kind.IF, k));
                            case "range" -> out.add(branch(Branch.Kind.RANGE, k));
                            case "with" -> out.add(branch(Branch.Kind.WITH, k));
                            case "define" -> define(k);
                            case "block" -> out.add(templateCall(k, true));
                            case "template" -> out.add(templateCall(k, false));
                            case "break", "continue" -> {
                                if (rangeDepth == 0) {
                                    throw error(k, "{{" + k.text() + "}} outside {{range}}");
                                }
                                expectRight(k.text());
                                out.add(k.text().equals("break") ? new Node.Break(k.pos()) : new Node.Continue(k.pos()));
                            }
                            default -> throw error(k, "unexpected " + k.text());
                        }
                    } else {
                        out.add(new Node.Action(k.pos(), pipeline("command", Kind.RIGHT)));
                    }
                }
                default -> throw error(t, "unexpected " + t.text());
            }
        }
    }

    private void expectRight(String context) throws TemplateException {
        Token t = nextNonSpace();
        if (t.kind() != Kind.RIGHT) {
            throw error(t, "unexpected " + describe(t) + " in " + context);
        }
    }

    private Branch branch(Branch.Kind kind, Token keyword) throws TemplateException {
        int mark = vars.size();
        String context = kind.name().toLowerCase();
        Pipeline pipe = pipeline(context, Kind.RIGHT);
        if (kind == Branch.Kind.RANGE) {
            rangeDepth++;
        }
        List<Node> body = new ArrayList<>();
        String end = list(body);
        if (kind == Branch.Kind.RANGE) {
            rangeDepth--;
        }
        List<Node> elseList = null;
        if (end.equals("else")) {
            elseList = new ArrayList<>();
            Token k = peekNonSpace();
            if (k.kind() == Kind.KEYWORD && (k.text().equals("if") || k.text().equals("with")) && kind != Branch.Kind.RANGE) {
                // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}} sharing the one {{end}}.
                nextNonSpace();
                truncate(mark);
                elseList.add(branch(k.text().equals("if") ? Branch.Kind.IF : Branch.Kind.WITH, k));
                return new Branch(kind, keyword.pos(), pipe, body, elseList);
            }
            expectRight("else");
            end = list(elseList);
        }
        if (!end.equals("end")) {
            throw error(peek(), "unexpected EOF");
        }
        expectRight("end");
        truncate(mark);
        return new Branch(kind, keyword.pos(), pipe, body, elseList);
    }

    private void truncate(int mark) {
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
    }

    private void define(Token keyword) throws TemplateException {
        Token n = nextNonSpace();
        if (n.kind() != Kind.STRING && n.kind() != Kind.RAW_STRING) {
            throw error(n, "unexpected " + describe(n) + " in define clause");
        }
        expectRight("define clause");
        List<String> saved = new ArrayList<>(vars);
        vars.clear();
        vars.add("$");
        List<Node> body = new ArrayList<>();
        String end = list(body);
        if (!end.equals("end")) {
            throw error(peek(), "unexpected " + (end.equals("eof") ? "EOF" : "{{else}}"));
        }
        expectRight("end");
        vars.clear();
        vars.addAll(saved);
        put(n, unquote(n), body);
    }

    /** Go's rule: a later definition replaces an empty one; two non-empty ones are an error. */
    private void put(Token at, String target, List<Node> body) throws TemplateException {
        List<Node> old = templates.get(target);
        if (old != null && !isEmpty(old) && !isEmpty(body)) {
            throw error(at, "template: multiple definition of template " + GoFmt.quote(target));
        }
        if (old == null || !isEmpty(body)) {
            templates.put(target, body);
        }
    }

    private Node templateCall(Token keyword, boolean block) throws TemplateException {
        Token n = nextNonSpace();
        if (n.kind() != Kind.STRING && n.kind() != Kind.RAW_STRING) {
            throw error(n, "unexpected " + describe(n) + " in template clause");
        }
        String target = unquote(n);
        Pipeline pipe = null;
        if (peekNonSpace().kind() != Kind.RIGHT) {
            pipe = pipeline("template clause", Kind.RIGHT);
        } else {
            nextNonSpace();
        }
        if (block) {
            List<String> saved = new ArrayList<>(vars);
            vars.clear();
            vars.add("$");
            List<Node> body = new ArrayList<>();
            String end = list(body);
            if (!end.equals("end")) {
                throw error(peek(), "unexpected EOF");
            }
            expectRight("end");
            vars.clear();
            vars.addAll(saved);
            put(n, target, body);
        }
        return new Node.TemplateCall(n.pos(), target, pipe);
    }

    /** A pipeline up to and including {@code end} (RIGHT or RPAREN), with optional declarations. */
    private Pipeline pipeline(String context, Kind end) throws TemplateException {
        Token first = peekNonSpace();
        List<String> decl = new ArrayList<>();
        boolean assign = false;
        int save = i;
        Token v = nextNonSpace();
        if (v.kind() == Kind.VARIABLE) {
            Token op = nextNonSpace();
            if (op.kind() == Kind.COMMA && context.equals("range")) {
                Token v2 = nextNonSpace();
                Token op2 = nextNonSpace();
                if (v2.kind() != Kind.VARIABLE || op2.kind() != Kind.DECLARE && op2.kind() != Kind.ASSIGN) {
                    throw error(v2, "range can only initialize variables");
                }
                decl.add(v.text());
                decl.add(v2.text());
                assign = op2.kind() == Kind.ASSIGN;
            } else if (op.kind() == Kind.DECLARE || op.kind() == Kind.ASSIGN) {
                decl.add(v.text());
                assign = op.kind() == Kind.ASSIGN;
            } else {
                i = save;
            }
        } else {
            i = save;
        }
        for (String d : decl) {
            if (assign) {
                checkVariable(first, d);
            }
        }
        List<Command> cmds = new ArrayList<>();
        while (true) {
            Token t = peekNonSpace();
            if (t.kind() == end) {
                nextNonSpace();
                break;
            }
            if (t.kind() == Kind.EOF) {
                throw error(t, "unclosed action");
            }
            cmds.add(command(end));
            Token after = peekNonSpace();
            if (after.kind() == Kind.PIPE) {
                nextNonSpace();
                if (peekNonSpace().kind() == end) {
                    throw error(after, "missing command");
                }
            } else if (after.kind() != end) {
                throw error(after, "unexpected " + describe(after) + " in operand");
            }
        }
        if (cmds.isEmpty()) {
            throw error(first, "missing value for " + context);
        }
        if (!assign) {
            vars.addAll(decl);
        }
        return new Pipeline(first.pos(), decl, assign, cmds);
    }

    private Command command(Kind end) throws TemplateException {
        Token first = peekNonSpace();
        List<Arg> args = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.SPACE) {
                next();
                continue;
            }
            if (t.kind() == end || t.kind() == Kind.PIPE) {
                break;
            }
            int startTok = i;
            args.add(operand());
            sources.add(raw(startTok, i));
            Token after = peek();
            if (after.kind() != Kind.SPACE && after.kind() != end && after.kind() != Kind.PIPE) {
                throw error(after, "unexpected " + describe(after) + " in operand");
            }
        }
        if (args.isEmpty()) {
            throw error(first, "empty command");
        }
        return new Command(first.pos(), String.join(" ", sources), args);
    }

    private String raw(int from, int to) {
        StringBuilder src = new StringBuilder();
        for (int k = from; k < to; k++) {
            src.append(tokens.get(k).text());
        }
        return src.toString();
    }

    private Arg operand() throws TemplateException {
        int startIdx = i;
        Token t = next();
        Arg term = switch (t.kind()) {
            case IDENT -> {
                if (!functions.contains(t.text())) {
                    throw error(t, "function \"" + t.text() + "\" not defined");
                }
                yield new Node.Identifier(t.text());
            }
            case DOT -> new Node.Dot();
            case NIL -> new Node.Nil();
            case VARIABLE -> {
                checkVariable(t, t.text());
                int pos = peek().kind() == Kind.FIELD ? peek().pos() : t.pos();
                List<String> fs = fields();
                yield new Node.Variable(pos, raw(startIdx, i), t.text(), fs);
            }
            case FIELD -> {
                i--;
                List<String> fs = fields();
                yield new Node.Field(t.pos(), raw(startIdx, i), fs);
            }
            case BOOL -> new Node.Literal(Boolean.parseBoolean(t.text()), t.text());
            case STRING, RAW_STRING -> new Node.Literal(unquote(t), t.text());
            case CHAR -> {
                String c;
                try {
                    c = Literals.unquote(t.text());
                } catch (Literals.InvalidSyntaxException e) {
                    c = "";
                }
                if (c.isEmpty() || c.codePointCount(0, c.length()) != 1) {
                    throw error(t, "malformed character constant: " + t.text()); // '' or 'ab', as Go's parser
                }
                yield new Node.Number((long) c.codePointAt(0), t.text());
            }
            case NUMBER -> new Node.Number(Literals.number(t.text(), () -> error(t, "bad number syntax: " + t.text())), t.text());
            case LPAREN -> {
                Pipeline p = pipeline("parenthesized pipeline", Kind.RPAREN);
                yield new Node.SubPipe(p);
            }
            default -> throw error(t, "unexpected " + describe(t) + " in operand");
        };
        if (peek().kind() == Kind.FIELD && !(term instanceof Node.Variable) && !(term instanceof Node.Field)) {
            if (!(term instanceof Node.SubPipe) && !(term instanceof Node.Dot)) {
                throw error(peek(), "unexpected . after term " + GoFmt.quote(t.text()));
            }
            int pos = peek().pos();
            List<String> fs = fields();
            return new Node.Chain(pos, raw(startIdx, i), term, fs);
        }
        return term;
    }

    private List<String> fields() {
        List<String> out = new ArrayList<>();
        while (peek().kind() == Kind.FIELD) {
            out.add(next().text().substring(1));
        }
        return out;
    }

    private void checkVariable(Token t, String var) throws TemplateException {
        if (!vars.contains(var)) {
            throw error(t, "undefined variable " + GoFmt.quote(var));
        }
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "EOF";
            case RIGHT -> "\"}}\"";
            default -> GoFmt.quote(t.text());
        };
    }
}
