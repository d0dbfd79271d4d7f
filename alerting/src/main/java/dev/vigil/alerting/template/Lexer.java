package dev.vigil.alerting.template;

import dev.vigil.alerting.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits template text into tokens as Go's text/template/parse lexer does: text, then actions
 * between {@code {{} and {@code }}}. Trim markers ({@code {{- } and {@code  -}}}) need the
 * space, as in Go, so {@code {{-3}}} is the number -3. Comments vanish here.
 */
final class Lexer {
    private static final Set<String> KEYWORDS =
            Set.of("if", "else", "end", "range", "with", "define", "template", "block", "break", "continue");

    private final String name;
    private final String in;
    private final List<Token> out = new ArrayList<>();
    private int pos;

    private Lexer(String name, String in) {
        this.name = name;
        this.in = in;
    }

    static List<Token> lex(String name, String text) throws TemplateException {
        Lexer l = new Lexer(name, text);
        l.run();
        return l.out;
    }

    private int lineAt(int p) {
        int line = 1;
        for (int i = 0; i < p && i < in.length(); i++) {
            if (in.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private void emit(Kind kind, int start, int end) {
        out.add(new Token(kind, in.substring(start, end), start, lineAt(start)));
    }

    private TemplateException error(int at, String msg) {
        return new TemplateException("template: " + name + ":" + lineAt(at) + ": " + msg);
    }

    private void run() throws TemplateException {
        boolean trimNext = false;
        while (pos < in.length()) {
            int open = in.indexOf("{{", pos);
            int textEnd = open < 0 ? in.length() : open;
            boolean trimBefore = open >= 0 && in.startsWith("{{-", open) && open + 3 < in.length()
                    && isSpace(in.charAt(open + 3));
            int start = pos;
            int end = textEnd;
            if (trimNext) {
                while (start < end && isSpace(in.charAt(start))) {
                    start++;
                }
            }
            if (trimBefore) {
                while (end > start && isSpace(in.charAt(end - 1))) {
                    end--;
                }
            }
            if (end > start) {
                emit(Kind.TEXT, start, end);
            }
            if (open < 0) {
                pos = in.length();
                break;
            }
            pos = open + (trimBefore ? 4 : 2);
            trimNext = action(open, trimBefore);
        }
        out.add(new Token(Kind.EOF, "", in.length(), lineAt(in.length())));
    }

    /** Lexes one action from just after its left delimiter; returns whether it ended with " -}}". */
    private boolean action(int open, boolean trimmed) throws TemplateException {
        int afterSpaces = pos;
        while (afterSpaces < in.length() && isSpace(in.charAt(afterSpaces))) {
            afterSpaces++;
        }
        if (in.startsWith("/*", trimmed ? afterSpaces : pos)) {
            int close = in.indexOf("*/", pos + 2);
            if (close < 0) {
                throw error(open, "unclosed comment");
            }
            pos = close + 2;
            if (in.startsWith(" -}}", pos)) {
                pos += 4;
                return true;
            }
            if (!in.startsWith("}}", pos)) {
                throw error(open, "comment ends before closing delimiter");
            }
            pos += 2;
            return false;
        }
        emit(Kind.LEFT, open, pos);
        int parens = 0;
        while (true) {
            if (pos >= in.length()) {
                throw error(open, "unclosed action");
            }
            if (in.startsWith(" -}}", pos) || in.startsWith("\t-}}", pos) || in.startsWith("\n-}}", pos)) {
                emit(Kind.RIGHT, pos, pos + 4);
                pos += 4;
                return true;
            }
            if (in.startsWith("}}", pos)) {
                if (parens > 0) {
                    throw error(pos, "unclosed left paren");
                }
                emit(Kind.RIGHT, pos, pos + 2);
                pos += 2;
                return false;
            }
            char c = in.charAt(pos);
            int start = pos;
            if (isSpace(c)) {
                while (pos < in.length() && isSpace(in.charAt(pos)) && !in.startsWith(" -}}", pos)) {
                    pos++;
                }
                emit(Kind.SPACE, start, pos);
            } else if (c == ':' && in.startsWith(":=", pos)) {
                pos += 2;
                emit(Kind.DECLARE, start, pos);
            } else if (c == '=') {
                emit(Kind.ASSIGN, start, ++pos);
            } else if (c == '|') {
                emit(Kind.PIPE, start, ++pos);
            } else if (c == ',') {
                emit(Kind.COMMA, start, ++pos);
            } else if (c == '(') {
                parens++;
                emit(Kind.LPAREN, start, ++pos);
            } else if (c == ')') {
                if (--parens < 0) {
                    throw error(pos, "unexpected right paren");
                }
                emit(Kind.RPAREN, start, ++pos);
            } else if (c == '"') {
                quoted(start, '"', Kind.STRING, "unterminated quoted string");
            } else if (c == '`') {
                int close = in.indexOf('`', pos + 1);
                if (close < 0) {
                    throw error(start, "unterminated raw quoted string");
                }
                pos = close + 1;
                emit(Kind.RAW_STRING, start, pos);
            } else if (c == '\'') {
                quoted(start, '\'', Kind.CHAR, "unterminated character constant");
            } else if (c == '$') {
                pos++;
                word();
                emit(Kind.VARIABLE, start, pos);
            } else if (c == '.' && pos + 1 < in.length() && Character.isDigit(in.charAt(pos + 1))) {
                number(start);
            } else if (c == '.') {
                pos++;
                if (pos < in.length() && isAlnum(in.charAt(pos))) {
                    word();
                    emit(Kind.FIELD, start, pos);
                } else {
                    emit(Kind.DOT, start, pos);
                }
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && pos + 1 < in.length()
                    && (Character.isDigit(in.charAt(pos + 1)) || in.charAt(pos + 1) == '.'))) {
                number(start);
            } else if (isAlnum(c)) {
                word();
                String w = in.substring(start, pos);
                Kind k = KEYWORDS.contains(w) ? Kind.KEYWORD
                        : w.equals("true") || w.equals("false") ? Kind.BOOL
                        : w.equals("nil") ? Kind.NIL : Kind.IDENT;
                emit(k, start, pos);
            } else {
                throw error(pos, "unrecognized character in action: " + GoFmt.quoteRune(c));
            }
        }
    }

    private void quoted(int start, char quote, Kind kind, String unterminated) throws TemplateException {
        pos++;
        while (true) {
            if (pos >= in.length() || in.charAt(pos) == '\n') {
                throw error(start, unterminated);
            }
            char c = in.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == quote) {
                break;
            }
        }
        emit(kind, start, pos);
    }

    private void number(int start) {
        pos++;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(in.charAt(pos - 1)) >= 0
                    && !in.substring(start, pos).toLowerCase().startsWith("0x");
            if (isAlnum(c) || c == '.' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        emit(Kind.NUMBER, start, pos);
    }

    private void word() {
        while (pos < in.length() && isAlnum(in.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isAlnum(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
