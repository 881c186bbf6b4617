package org.jhaproxy.config.logformat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleSources;
import org.jhaproxy.grammar.LogFormatLexer;
import org.jhaproxy.grammar.TokenCursor;

/**
 * Parses a log-format string as HAProxy 2.6's parse_logformat_string() (configuration.txt
 * section 8.2.4): literal text, "%%", "%var" names from the table of section 8.2.4, optional
 * "%{flags}" before a variable or an expression, and "%[expr]" sample expressions whose end
 * is found by the sample parser itself. Errors carry HAProxy's text. The pieces come from the
 * LogFormatLexer grammar.
 */
public final class LogFormatParser {
    /** The variables and whether they need "mode http" (logformat_keywords[]). */
    private static final Map<String, Boolean> VARIABLES = variables();

    private final SampleExprParser samples;

    public LogFormatParser(SampleExprParser samples) {
        this.samples = samples;
    }

    private static Map<String, Boolean> variables() {
        String tcp = "o B H ID ST T Tc Th Tl Td Ts Tt Tu Tw U ac b bc bi bp bq ci cp f fc fi fp ft hr hrl hs hsl "
                + "lc ms pid rc rt s sc si sp sq sslc sslv t ts tsc";
        String http = "CC CS Ta Ti Tq Tr TR HM HP HPO HQ HU HV r tr trg trl";
        Map<String, Boolean> m = new java.util.HashMap<>();
        for (String v : tcp.split(" ")) {
            m.put(v, false);
        }
        for (String v : http.split(" ")) {
            m.put(v, true);
        }
        return Map.copyOf(m);
    }

    /**
     * @param httpMode whether the proxy is in HTTP mode when the string is parsed
     * @param cap      the places the consumer evaluates the expressions at ({@link CheckPlace} bits)
     */
    public LogFormat parse(String fmt, boolean httpMode, int cap) throws ExprError {
        List<LogFormatNode> nodes = new ArrayList<>();
        TokenCursor pieces = new TokenCursor(fmt, LogFormatLexer::new);
        StringBuilder text = new StringBuilder();
        int i = 0;
        for (TokenCursor.Piece p = pieces.at(i); !p.isEnd(); p = pieces.at(i)) {
            switch (p.type()) {
                case LogFormatLexer.TEXT -> {
                    text.append(fmt, p.start(), p.end());
                    i = p.end();
                }
                case LogFormatLexer.PERCENT_ESC -> {
                    text.append('%');
                    i = p.end();
                }
                case LogFormatLexer.BAD_NAME -> throw unexpectedName(fmt, p.start() + 1);
                case LogFormatLexer.PERCENT -> {
                    if (p.end() == fmt.length()) {
                        throw new ExprError("truncated line after '%'");
                    }
                    // digits and letters of other scripts, as the JDK classifies them
                    char d = fmt.charAt(p.end());
                    if (Character.isDigit(d)) {
                        throw unexpectedName(fmt, p.end());
                    }
                    if (Character.isLetter(d)) {
                        variable("", null, httpMode, text, nodes);
                    }
                    // any other character after '%' leaves the '%' as literal text, as HAProxy does
                    text.append('%');
                    i = p.end();
                }
                case LogFormatLexer.VARIABLE -> {
                    variable(fmt.substring(p.start() + 1, p.end()), null, httpMode, text, nodes);
                    i = p.end();
                }
                case LogFormatLexer.FLAGS_OPEN -> throw new ExprError("truncated line after '" + fmt.substring(p.end()) + "'");
                case LogFormatLexer.EXPR_OPEN -> i = expression(fmt, pieces, p.end(), null, cap, text, nodes);
                case LogFormatLexer.FLAGS -> {
                    String arg = fmt.substring(p.start() + 2, p.end() - 1);
                    TokenCursor.Piece f = pieces.at(p.end(), LogFormatLexer.FLAGGED);
                    if (f.is(LogFormatLexer.FLAGGED_EXPR)) {
                        i = expression(fmt, pieces, f.end(), arg, cap, text, nodes);
                    } else if (f.is(LogFormatLexer.FLAGGED_NAME)) {
                        variable(pieces.text(f), arg, httpMode, text, nodes);
                        i = f.end();
                    } else {
                        throw new ExprError("parse argument modifier without variable name near '%{" + arg + "}'");
                    }
                }
                default -> throw new IllegalStateException("unexpected log-format piece " + p);
            }
        }
        flush(text, nodes);
        return new LogFormat(fmt, nodes);
    }

    private static ExprError unexpectedName(String fmt, int at) {
        return new ExprError(String.format("unexpected variable name near '%c' at position %d line : '%s'. Maybe you want to write a single '%%', use the syntax '%%%%'",
                fmt.charAt(at), at, fmt));
    }

    /** A "%name" variable (with its "%{flags}" if any): known and allowed in this mode. */
    private static void variable(String var, String arg, boolean httpMode, StringBuilder text, List<LogFormatNode> nodes)
            throws ExprError {
        Boolean needsHttp = VARIABLES.get(var);
        if (needsHttp == null) {
            throw new ExprError("no such format variable '" + var + "'. If you wanted to emit the '%' character verbatim, you need to use '%%'");
        }
        if (needsHttp && !httpMode) {
            throw new ExprError("format variable '" + var + "' is reserved for HTTP mode");
        }
        flush(text, nodes);
        // "%o" writes nothing: its flags become the default of the nodes after it
        nodes.add(new LogFormatNode.Variable(var, arg));
    }

    /**
     * A "%[expr]" starting at {@code start} (after the '['): the sample parser finds where the
     * expression ends, then a ']' must follow. Returns where the string continues.
     */
    private int expression(String fmt, TokenCursor pieces, int start, String arg, int cap, StringBuilder text,
            List<LogFormatNode> nodes) throws ExprError {
        flush(text, nodes);
        String exprText = fmt.substring(start);
        SampleExprParser.Parsed p;
        try {
            p = samples.parseInline(exprText);
        } catch (ExprError e) {
            throw new ExprError("failed to parse sample expression <" + exprText + "> : " + e.getMessage());
        }
        if ((p.expr().fetch().validAt() & cap) == 0) {
            throw new ExprError("sample fetch <" + exprText + "> may not be reliably used here because it needs '"
                    + SampleSources.names(p.expr().fetch()) + "' which is not available here");
        }
        int end = start + p.endOffset();
        TokenCursor.Piece after = pieces.at(end, LogFormatLexer.EXPR_END);
        if (after.is(LogFormatLexer.EXPR_PRINTABLE)) {
            throw new ExprError("expected ']' after '" + fmt.substring(start, end) + "', but found '" + fmt.charAt(end) + "'");
        }
        if (!after.is(LogFormatLexer.EXPR_CLOSE)) {
            throw new ExprError("missing ']' after '" + fmt.substring(start, end) + "'");
        }
        nodes.add(new LogFormatNode.Expression(p.expr(), fmt.substring(start, end), arg));
        return after.end();
    }

    private static void flush(StringBuilder text, List<LogFormatNode> nodes) {
        if (text.length() > 0) {
            nodes.add(new LogFormatNode.Text(text.toString()));
            text.setLength(0);
        }
    }
}
