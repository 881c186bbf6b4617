package org.jhaproxy.config.proxy;

import java.util.Locale;
import java.util.Set;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.model.CheckRuleSet;
import org.jhaproxy.config.model.CheckRuleSet.Action;
import org.jhaproxy.config.model.CheckRuleSet.Rule;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.RegexCheck;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The rule parsers of "tcp-check" and "http-check" (tcpcheck.c parse_tcpcheck_connect(),
 * parse_tcpcheck_send(), parse_tcpcheck_send_http(), parse_tcpcheck_comment(),
 * parse_tcpcheck_expect()). Each returns the parsed rule, or throws {@link RuleError} with the
 * message HAProxy puts after "'<kw> <action>' : ".
 */
final class CheckRuleParser {
    /** A rule refused by its parser; the text is tcpcheck.c's errmsg. */
    static final class RuleError extends Exception {
        RuleError(String message) {
            super(message);
        }
    }

    private static final Set<String> HTTP_MUX = Set.of("h1", "h2", "fcgi");
    private static final Set<String> TCP_MUX = Set.of("none");

    private final ParseContext ctx;
    private final Line line;
    private final boolean http;

    CheckRuleParser(ParseContext ctx, Line line, boolean http) {
        this.ctx = ctx;
        this.line = line;
        this.http = http;
    }

    private String arg(int i) {
        return line.arg(i);
    }

    /** parse_tcpcheck_connect(): the connect must come first in its ruleset. */
    Rule connect(CheckRuleSet rules) throws RuleError {
        for (Rule r : rules.rules()) {
            if (r.action() == Action.CONNECT) {
                break;
            }
            if (r.action() == Action.COMMENT || r.action() == Action.ACTION_KW) {
                continue;
            }
            throw new RuleError("first step MUST also be a 'connect', optionally preceded by a 'set-var', an 'unset-var' or a 'comment', "
                    + "when there is a 'connect' step in the tcp-check ruleset");
        }
        boolean port = false;
        for (int i = 2; !arg(i).isEmpty(); i++) {
            String a = arg(i);
            switch (a) {
                case "default", "send-proxy", "via-socks4", "linger", "ssl" -> {
                }
                case "addr" -> {
                    if (arg(i + 1).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects <ipv4|ipv6> as argument.", a));
                    }
                    AddressParseResult r = AddressParser.system(ctx.env()::get).parse(arg(i + 1),
                            AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.STREAM | AddressParser.CONNECT);
                    if (!r.ok()) {
                        throw new RuleError(String.format("'%s' : %s.", a, r.error()));
                    }
                    port |= r.address().port() != 0;
                    i++;
                }
                case "port" -> {
                    if (arg(i + 1).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects a port number or a sample expression as argument.", a));
                    }
                    i++;
                    String v = arg(i);
                    int digits = 0;
                    while (digits < v.length() && Character.isDigit(v.charAt(digits))) {
                        digits++;
                    }
                    if (digits == v.length()) {
                        long p = readUint(v);
                        if (p > 65535 || p < 1) {
                            throw new RuleError(String.format("expects a valid TCP port (from range 1 to 65535) or a sample expression, got %s.", v));
                        }
                    }
                    // a sample expression gives the port at run time
                    port = true;
                }
                case "proto" -> {
                    String p = arg(i + 1);
                    if (p.isEmpty()) {
                        throw new RuleError(String.format("'%s' expects a MUX protocol as argument.", a));
                    }
                    if (!HTTP_MUX.contains(p) && !TCP_MUX.contains(p)) {
                        throw new RuleError(String.format("'%s' : unknown MUX protocol '%s'.", a, p));
                    }
                    if (!http && !TCP_MUX.contains(p)) {
                        throw new RuleError(String.format("'%s' : invalid MUX protocol '%s' for tcp-check", a, p));
                    }
                    if (http && !HTTP_MUX.contains(p)) {
                        throw new RuleError(String.format("'%s' : invalid MUX protocol '%s' for http-check", a, p));
                    }
                    i++;
                }
                case "comment", "sni" -> {
                    if (arg(i + 1).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects a string as argument.", a));
                    }
                    i++;
                }
                case "alpn" -> {
                    if (arg(i + 1).isEmpty()) {
                        // ssl_sock_parse_alpn() of an empty list
                        throw new RuleError(String.format("'%s' : missing the comma-delimited ALPN protocol suite", a));
                    }
                    i++;
                }
                default -> throw new RuleError(String.format("expects 'comment', 'port', 'addr', 'send-proxy', 'ssl', 'sni', 'alpn'"
                        + " or 'via-socks4', 'linger', 'default' but got '%s' as argument.", a));
            }
        }
        return new Rule(Action.CONNECT, port);
    }

    /** parse_tcpcheck_send(): send, send-lf, send-binary, send-binary-lf. */
    Rule send() throws RuleError {
        String kw = arg(1);
        if (arg(2).isEmpty()) {
            throw new RuleError(String.format("'%s' expects a %s as argument", kw.equals("send-binary") ? "binary string" : "string", kw));
        }
        for (int i = 3; !arg(i).isEmpty(); i++) {
            if (!arg(i).equals("comment")) {
                throw new RuleError(String.format("expects 'comment' but got '%s' as argument.", arg(i)));
            }
            if (arg(i + 1).isEmpty()) {
                throw new RuleError(String.format("'%s' expects a string as argument.", arg(i)));
            }
            i++;
        }
        if (kw.equals("send-binary")) {
            String bad = binaryError(arg(2));
            if (bad != null) {
                throw new RuleError(String.format("'%s' invalid binary string (%s).\n", arg(2), bad));
            }
        }
        return new Rule(Action.SEND, false);
    }

    /** parse_tcpcheck_send_http(). */
    Rule sendHttp() throws RuleError {
        String host = null;
        for (int i = 2; !arg(i).isEmpty(); i++) {
            String a = arg(i);
            switch (a) {
                case "meth", "uri", "uri-lf", "ver", "body", "body-lf", "comment" -> {
                    if (arg(i + 1).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects a string as argument.", a));
                    }
                    i++;
                }
                case "hdr" -> {
                    if (arg(i + 1).isEmpty() || arg(i + 2).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects <name> and <value> as arguments", a));
                    }
                    if (arg(i + 1).equalsIgnoreCase("host")) {
                        if (host != null) {
                            throw new RuleError(String.format("'%s' header already defined (previous value is '%s')", arg(i + 1), host));
                        }
                        host = arg(i + 2);
                    }
                    i += 2;
                }
                default -> throw new RuleError(String.format("expects 'comment', 'meth', 'uri', 'uri-lf', 'ver', 'hdr', 'body' or 'body-lf'"
                        + " but got '%s' as argument.", a));
            }
        }
        return new Rule(Action.SEND, false);
    }

    /** parse_tcpcheck_comment(). */
    Rule comment() throws RuleError {
        if (arg(2).isEmpty()) {
            throw new RuleError("expects a string as argument");
        }
        return new Rule(Action.COMMENT, false);
    }

    /** parse_tcpcheck_expect(): one pattern with its modifiers. */
    Rule expect() throws RuleError {
        if (arg(2).isEmpty()) {
            throw new RuleError("expects at least a matching pattern as arguments");
        }
        String type = null;
        String pattern = null;
        String namePattern = null;
        String valuePattern = null;
        boolean nameRegex = false;
        boolean valueRegex = false;
        int i = 2;
        while (!arg(i).isEmpty()) {
            boolean inPattern = false;
            String a = arg(i);
            if (a.startsWith("!")) {
                // one or more '!' invert the pattern; alone, they apply to the next word
                inPattern = true;
                a = a.replaceFirst("^!+", "");
                if (a.isEmpty()) {
                    i++;
                    a = arg(i);
                }
            }
            switch (a) {
                case "min-recv" -> {
                    notInPattern(inPattern, a);
                    if (arg(i + 1).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects a integer as argument", a));
                    }
                    i++;
                    long v = atol(arg(i));
                    if (v < -1 || v > Integer.MAX_VALUE) {
                        throw new RuleError(String.format("'%s' expects -1 or an integer from 0 to INT_MAX", a));
                    }
                }
                case "string", "rstring", "string-lf", "status", "rstatus", "binary", "rbinary", "binary-lf" -> {
                    boolean httpOnly = a.equals("status") || a.equals("rstatus");
                    boolean tcpOnly = a.startsWith("binary") || a.equals("rbinary");
                    if (http && tcpOnly) {
                        throw badKeyword(a);
                    }
                    if (!http && httpOnly) {
                        throw badKeyword(a);
                    }
                    if (type != null) {
                        throw new RuleError("only on pattern expected");
                    }
                    type = a;
                    if (arg(i + 1).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects a <pattern> as argument", a));
                    }
                    i++;
                    pattern = arg(i);
                }
                case "custom" -> {
                    notInPattern(inPattern, a);
                    if (type != null) {
                        throw new RuleError("only on pattern expected");
                    }
                    type = a;
                }
                case "hdr", "fhdr" -> {
                    if (!http) {
                        throw badKeyword(a);
                    }
                    if (type != null) {
                        throw new RuleError("only on pattern expected");
                    }
                    type = "hdr";
                    String orig = a;
                    if (arg(i + 1).isEmpty() || arg(i + 2).isEmpty() || (!arg(i + 1).equals("name") && !arg(i + 1).equals("name-lf"))) {
                        throw new RuleError(String.format("'%s' expects at the name keyword as first argument followed by a pattern", orig));
                    }
                    boolean nameFmt = arg(i + 1).equals("name-lf");
                    i += 2;
                    if (arg(i).equals("-m")) {
                        nameRegex = matchMethod(orig, i, nameFmt);
                        i += 2;
                    }
                    namePattern = arg(i);
                    if (arg(i + 1).isEmpty() || (!arg(i + 1).equals("value") && !arg(i + 1).equals("value-lf"))) {
                        break;
                    }
                    boolean valueFmt = arg(i + 1).equals("value-lf");
                    if (arg(i + 2).equals("-m")) {
                        i += 2;
                        valueRegex = matchMethod(orig, i, valueFmt);
                    }
                    if (arg(i + 2).isEmpty()) {
                        throw new RuleError(String.format("'%s' expect a pattern with the value keyword", orig));
                    }
                    valuePattern = arg(i + 2);
                    i += 2;
                }
                case "comment", "on-success", "on-error" -> {
                    notInPattern(inPattern, a);
                    if (arg(i + 1).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects a string as argument", a));
                    }
                    i++;
                }
                case "ok-status" -> status(inPattern, i, Set.of("L7OK", "L7OKC", "L6OK", "L4OK"),
                        "'%s' only supports 'L4OK', 'L6OK', 'L7OK' or 'L7OKC' status (got '%s').");
                case "error-status" -> status(inPattern, i, Set.of("L7RSP", "L7STS", "L7OKC", "L6RSP", "L4CON"),
                        "'%s' only supports 'L4CON', 'L6RSP', 'L7RSP' or 'L7STS' status (got '%s').");
                case "tout-status" -> status(inPattern, i, Set.of("L7TOUT", "L6TOUT", "L4TOUT"),
                        "'%s' only supports 'L4TOUT', 'L6TOUT' or 'L7TOUT' status (got '%s').");
                case "status-code" -> {
                    notInPattern(inPattern, a);
                    if (arg(i + 1).isEmpty()) {
                        throw new RuleError(String.format("'%s' expects an expression as argument", a));
                    }
                    i++;
                }
                default -> throw badKeyword(a);
            }
            if (a.endsWith("-status")) {
                i++;
            }
            i++;
        }
        if (type == null) {
            throw new RuleError("pattern not found");
        }
        switch (type) {
            case "status" -> statusCodes(pattern);
            case "rstring", "rbinary", "rstatus" -> regex(pattern);
            case "binary" -> {
                String bad = binaryError(pattern);
                if (bad != null) {
                    throw new RuleError(String.format("invalid binary string (%s)", bad));
                }
            }
            case "hdr" -> {
                if (nameRegex) {
                    regex(namePattern);
                }
                if (valuePattern != null && valueRegex) {
                    regex(valuePattern);
                }
            }
            default -> {
            }
        }
        return new Rule(Action.EXPECT, false);
    }

    private void notInPattern(boolean inPattern, String a) throws RuleError {
        if (inPattern) {
            throw new RuleError(String.format("[!] not supported with '%s'", a));
        }
    }

    private void status(boolean inPattern, int i, Set<String> allowed, String format) throws RuleError {
        String a = arg(i);
        notInPattern(inPattern, a);
        if (arg(i + 1).isEmpty()) {
            throw new RuleError(String.format("'%s' expects a string as argument", a));
        }
        if (!allowed.contains(arg(i + 1).toUpperCase(Locale.ROOT))) {
            throw new RuleError(String.format(format, a, arg(i + 1)));
        }
    }

    /** The "-m" of a header name or value; true for "reg". */
    private boolean matchMethod(String orig, int i, boolean logFormat) throws RuleError {
        String m = arg(i + 1);
        if (m.isEmpty()) {
            throw new RuleError(String.format("'%s' : '%s' expects at a matching pattern ('str', 'beg', 'end', 'sub' or 'reg')", orig, arg(i)));
        }
        switch (m) {
            case "str", "beg", "end", "sub" -> {
                return false;
            }
            case "reg" -> {
                if (logFormat) {
                    throw new RuleError(String.format("'%s': log-format string is not supported with a regex matching method", orig));
                }
                return true;
            }
            default -> throw new RuleError(String.format("'%s' : '%s' only supports 'str', 'beg', 'end', 'sub' or 'reg' (got '%s')", orig, arg(i), m));
        }
    }

    private RuleError badKeyword(String a) {
        if (http) {
            return new RuleError(String.format("'only supports min-recv, [!]string', '[!]rstring', '[!]string-lf', '[!]status', "
                    + "'[!]rstatus', [!]hdr, [!]fhdr or comment but got '%s' as argument.", a));
        }
        return new RuleError(String.format("'only supports min-recv, '[!]binary', '[!]string', '[!]rstring', '[!]string-lf'"
                + "'[!]rbinary', '[!]binary-lf' or comment but got '%s' as argument.", a));
    }

    private static void regex(String re) throws RuleError {
        try {
            RegexCheck.check(re);
        } catch (ExprError e) {
            throw new RuleError(e.getMessage());
        }
    }

    /** The list of status codes and ranges of "expect status" ("200,300-399"), read_uint() style. */
    private static void statusCodes(String pattern) throws RuleError {
        int[] pos = {0};
        while (true) {
            long c1 = readUint(pattern, pos);
            long c2 = c1;
            if (pos[0] < pattern.length() && pattern.charAt(pos[0]) == '-') {
                pos[0]++;
                c2 = readUint(pattern, pos);
            }
            if (c1 > c2) {
                throw new RuleError(String.format("invalid range of status codes '%s'", pattern));
            }
            if (pos[0] >= pattern.length()) {
                return;
            }
            if (pattern.charAt(pos[0]) != ',') {
                throw new RuleError(String.format("invalid character '%c' in the list of status codes", pattern.charAt(pos[0])));
            }
            pos[0]++;
        }
    }

    /** read_uint(): the leading digits as an unsigned int (wrapping like C), advancing pos. */
    private static long readUint(String s, int[] pos) {
        long v = 0;
        int i = pos[0];
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = (v * 10 + (s.charAt(i) - '0')) & 0xFFFFFFFFL;
            i++;
        }
        pos[0] = i;
        return v;
    }

    private static long readUint(String s) {
        return readUint(s, new int[] {0});
    }

    private static long atol(String s) {
        return ProxyChecks.atol(s);
    }

    /** parse_binary(): an even number of hex digits; null when valid, else its error. */
    private static String binaryError(String s) {
        if (s.length() % 2 != 0) {
            return String.format("an even number of hex digit is expected");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return String.format("an hex digit is expected (found '%c')", c);
            }
        }
        return null;
    }
}
