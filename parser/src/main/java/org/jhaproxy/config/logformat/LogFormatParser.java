package org.jhaproxy.config.logformat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleSources;

/**
 * Parses a log-format string as HAProxy 2.6's parse_logformat_string() (configuration.txt
 * section 8.2.4): literal text, "%%", "%var" names from the table of section 8.2.4, optional
 * "%{flags}" before a variable or an expression, and "%[expr]" sample expressions whose end
 * is found by the sample parser itself. Errors carry HAProxy's text.
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
        int i = 0;
        int n = fmt.length();
        StringBuilder text = new StringBuilder();
        while (i < n) {
            char c = fmt.charAt(i);
            if (c != '%') {
                text.append(c);
                i++;
                continue;
            }
            // '%' starts a variable
            int start = i;
            i++;
            String arg = null;
            if (i >= n) {
                throw new ExprError("truncated line after '%'");
            }
            char d = fmt.charAt(i);
            if (d == '%') {
                text.append('%');
                i++;
                continue;
            }
            if (Character.isDigit(d) || d == ' ' || d == '\t') {
                throw new ExprError(String.format("unexpected variable name near '%c' at position %d line : '%s'. Maybe you want to write a single '%%', use the syntax '%%%%'",
                        d, i, fmt));
            }
            if (d == '{') {
                int close = fmt.indexOf('}', i + 1);
                if (close < 0) {
                    throw new ExprError("truncated line after '" + fmt.substring(i + 1) + "'");
                }
                arg = fmt.substring(i + 1, close);
                i = close + 1;
                if (i >= n || !(fmt.charAt(i) == '[' || isAlnum(fmt.charAt(i)))) {
                    throw new ExprError("parse argument modifier without variable name near '%{" + arg + "}'");
                }
                d = fmt.charAt(i);
            }
            if (d == '[') {
                flush(text, nodes);
                String exprText = fmt.substring(i + 1);
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
                int end = i + 1 + p.endOffset();
                if (end >= n) {
                    throw new ExprError("missing ']' after '" + fmt.substring(i + 1, end) + "'");
                }
                if (fmt.charAt(end) != ']') {
                    char f = fmt.charAt(end);
                    if (f >= 0x20 && f < 0x7f) {
                        throw new ExprError("expected ']' after '" + fmt.substring(i + 1, end) + "', but found '" + f + "'");
                    }
                    throw new ExprError("missing ']' after '" + fmt.substring(i + 1, end) + "'");
                }
                nodes.add(new LogFormatNode.Expression(p.expr(), fmt.substring(i + 1, end), arg));
                i = end + 1;
                continue;
            }
            if (Character.isLetter(d) || (arg != null && isAlnum(d))) {
                int e = i;
                while (e < n && isAlnum(fmt.charAt(e))) {
                    e++;
                }
                String var = fmt.substring(i, e);
                Boolean needsHttp = VARIABLES.get(var);
                if (needsHttp == null) {
                    throw new ExprError("no such format variable '" + var + "'. If you wanted to emit the '%' character verbatim, you need to use '%%'");
                }
                if (needsHttp && !httpMode) {
                    throw new ExprError("format variable '" + var + "' is reserved for HTTP mode");
                }
                flush(text, nodes);
                if (!var.equals("o")) {
                    nodes.add(new LogFormatNode.Variable(var, arg));
                }
                i = e;
                continue;
            }
            // any other character after '%' is kept as literal text, as HAProxy does
            text.append(fmt, start, i);
        }
        flush(text, nodes);
        return new LogFormat(fmt, nodes);
    }

    private static boolean isAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static void flush(StringBuilder text, List<LogFormatNode> nodes) {
        if (text.length() > 0) {
            nodes.add(new LogFormatNode.Text(text.toString()));
            text.setLength(0);
        }
    }
}
