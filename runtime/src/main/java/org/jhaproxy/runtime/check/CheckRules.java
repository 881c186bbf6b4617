package org.jhaproxy.runtime.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * A backend's check program, compiled once from "option tcp-check" / "tcp-check ..." or
 * "option httpchk" / "http-check ..." lines, or the plain layer-4 connect of a bare "check".
 * The rules of the backend's own section win over those inherited from defaults, as haproxy
 * 2.6 takes a defaults section's rules only when the proxy has none.
 */
record CheckRules(Kind kind, List<CheckRule> rules, List<String> comments) {
    CheckRules(Kind kind, List<CheckRule> rules) {
        this(kind, rules, java.util.Collections.nCopies(rules.size(), null));
    }

    /** The comment of the rule at {@code index} ("comment X" or a "tcp-check comment" line before it), or null. */
    String comment(int index) {
        return index >= 0 && index < comments.size() ? comments.get(index) : null;
    }

    enum Kind {
        /** A bare connect: "Layer4 check passed". */
        LAYER4,
        /** "option tcp-check": failures name the step ("at step 2 of tcp-check"). */
        TCP,
        /**
         * A protocol check built in ("option mysql-check", "redis-check"...): tcp-check rules whose
         * failures name no step and whose success says "(tcp-check)" only if a rule says so.
         */
        PROTOCOL,
        /** "option external-check": a command runs, no connection. */
        EXTERNAL,
        /** "option httpchk": one request, its response's status or body checked. */
        HTTP,
        /** "agent-check": "agent-send", then one line read from the agent. */
        AGENT
    }

    /** Whether a step of this program is the implicit first connect (step 0). */
    boolean implicitConnect() {
        for (CheckRule r : rules) {
            if (!(r instanceof CheckRule.Comment)) {
                return !(r instanceof CheckRule.Connect);
            }
        }
        return true;
    }

    /** The agent check's program ("*agent-check"): send the "agent-send" string, read a line. */
    static CheckRules agent(String send) {
        List<CheckRule> rules = new ArrayList<>();
        if (send != null && !send.isEmpty()) {
            rules.add(new CheckRule.Send(send.getBytes(StandardCharsets.ISO_8859_1)));
        }
        rules.add(new CheckRule.AgentReply());
        return new CheckRules(Kind.AGENT, List.copyOf(rules));
    }

    static CheckRules of(ProxyConfig backend) {
        String type = checkType(backend);
        if (type.equals("httpchk")) {
            return http(backend);
        }
        if (type.equals("external-check")) {
            return new CheckRules(Kind.EXTERNAL, List.of());
        }
        if (ProtocolChecks.OPTIONS.contains(type)) {
            return ProtocolChecks.of(backend.last("option", type));
        }
        if (type.equals("tcp-check")) {
            List<CheckRule> rules = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            String pending = null;
            for (Line l : own(backend, "tcp-check")) {
                if (l.arg(1).equals("comment")) {
                    rules.add(new CheckRule.Comment());
                    comments.add(null);
                    pending = l.arg(2);
                    continue;
                }
                rules.add(tcpRule(l));
                String own = inlineComment(l);
                comments.add(own != null ? own : pending);
                pending = null;
            }
            return new CheckRules(Kind.TCP, List.copyOf(rules), java.util.Collections.unmodifiableList(comments));
        }
        return new CheckRules(Kind.LAYER4, List.of());
    }

    /** "http-check send-state" is a flag of the proxy (PR_O2_CHK_SNDST), a defaults section's included. */
    private static boolean sendState(ProxyConfig backend) {
        for (Line l : backend.lines()) {
            if (l.keyword().equals("http-check") && l.arg(1).equals("send-state")) {
                return true;
            }
        }
        return false;
    }

    /** The check type options exclude each other: the last "option httpchk|tcp-check|mysql-check..." wins. */
    private static String checkType(ProxyConfig backend) {
        String type = "";
        for (Line l : backend.lines()) {
            if (l.keyword().equals("option") && (l.arg(1).equals("httpchk") || l.arg(1).equals("tcp-check")
                    || l.arg(1).equals("external-check") || ProtocolChecks.OPTIONS.contains(l.arg(1)))) {
                type = l.modifier() == org.jhaproxy.config.source.KeywordModifier.STD ? l.arg(1) : "";
            }
        }
        return type;
    }

    /** The section's own lines of this keyword, else the ones inherited from its defaults. */
    private static List<Line> own(ProxyConfig backend, String keyword) {
        List<Line> inherited = new ArrayList<>();
        List<Line> own = new ArrayList<>();
        for (Line l : backend.lines()) {
            if (!l.keyword().equals(keyword)) {
                continue;
            }
            boolean mine = l.file().equals(backend.at().file()) && l.lineNo() > backend.at().line();
            (mine ? own : inherited).add(l);
        }
        return own.isEmpty() ? inherited : own;
    }

    /** A rule's own "comment TEXT" option. */
    private static String inlineComment(Line l) {
        for (int k = 2; k + 1 < l.count(); k++) {
            if (l.arg(k).equals("comment") && !(l.arg(1).equals("send") && k == 2)) {
                return l.arg(k + 1);
            }
        }
        return null;
    }

    private static CheckRule tcpRule(Line l) {
        String verb = l.arg(1);
        return switch (verb) {
            case "connect" -> connect(l);
            case "send" -> new CheckRule.Send(l.arg(2).getBytes(StandardCharsets.ISO_8859_1));
            case "send-binary" -> new CheckRule.Send(HexFormat.of().parseHex(l.arg(2)));
            case "expect" -> expect(l, false);
            default -> throw new IllegalArgumentException("tcp-check " + verb);
        };
    }

    /** The connect rule's options, skipping the values of those that take one. */
    private static CheckRule.Connect connect(Line l) {
        int port = 0;
        boolean dflt = false;
        boolean sendProxy = false;
        boolean socks = false;
        for (int i = 2; i < l.count(); i++) {
            switch (l.arg(i)) {
                case "port" -> port = Integer.parseInt(l.arg(++i));
                case "addr", "comment", "sni", "alpn", "proto" -> i++;
                case "default" -> dflt = true;
                case "send-proxy" -> sendProxy = true;
                case "via-socks4" -> socks = true;
                default -> {
                }
            }
        }
        return new CheckRule.Connect(port, dflt, sendProxy, socks);
    }

    private static CheckRule.Expect expect(Line l, boolean http) {
        int i = 2;
        while (l.arg(i).equals("comment")) {
            i += 2;
        }
        boolean inverse = l.arg(i).equals("!");
        if (inverse) {
            i++;
        }
        String what = l.arg(i);
        if (http && what.equals("hdr")) {
            return new CheckRule.Expect(CheckRule.Match.HEADER, inverse, "", null, null, true,
                    HeaderExpect.parse(l.args().subList(0, l.count()), i + 1));
        }
        String pattern = l.arg(i + 1);
        CheckRule.Match m = switch (what) {
            case "string" -> CheckRule.Match.STRING;
            case "rstring" -> CheckRule.Match.RSTRING;
            case "binary" -> CheckRule.Match.BINARY;
            case "status" -> CheckRule.Match.STATUS;
            case "rstatus" -> CheckRule.Match.RSTATUS;
            default -> throw new IllegalArgumentException("expect " + what);
        };
        byte[] bytes = m == CheckRule.Match.BINARY ? HexFormat.of().parseHex(pattern)
                : pattern.getBytes(StandardCharsets.ISO_8859_1);
        Pattern regex = m == CheckRule.Match.RSTRING || m == CheckRule.Match.RSTATUS ? Pattern.compile(pattern) : null;
        return new CheckRule.Expect(m, inverse, pattern, bytes, regex, http);
    }

    /**
     * "option httpchk [meth] [uri] [ver]" then "http-check send" / "http-check expect": the
     * request haproxy 2.6 writes (an HTTP/1.1 request gets "connection: close", header names
     * are lower-cased), and by default any 2xx or 3xx status passes.
     */
    private static CheckRules http(ProxyConfig backend) {
        Line opt = backend.last("option", "httpchk");
        String meth = "OPTIONS";
        String uri = "/";
        String ver = "HTTP/1.0";
        List<String[]> headers = new ArrayList<>();
        String body = "";
        if (opt != null && opt.count() > 2) {
            if (opt.count() == 3) {
                uri = opt.arg(2);
            } else {
                meth = opt.arg(2);
                uri = opt.arg(3);
                if (!opt.arg(4).isEmpty()) {
                    String[] v = opt.arg(4).split("\r\n", -1);
                    ver = v[0];
                    for (int k = 1; k < v.length; k++) {
                        int colon = v[k].indexOf(':');
                        if (colon > 0) {
                            headers.add(new String[] {v[k].substring(0, colon).trim(), v[k].substring(colon + 1).trim()});
                        }
                    }
                }
            }
        }
        CheckRule.Expect expect = null;
        for (Line l : own(backend, "http-check")) {
            if (l.arg(1).equals("send")) {
                for (int k = 2; k < l.count(); k++) {
                    switch (l.arg(k)) {
                        case "meth" -> meth = l.arg(++k);
                        case "uri" -> uri = l.arg(++k);
                        case "ver" -> ver = l.arg(++k);
                        case "hdr" -> headers.add(new String[] {l.arg(++k), l.arg(++k)});
                        case "body" -> body = l.arg(++k);
                        default -> throw new IllegalArgumentException("http-check send " + l.arg(k));
                    }
                }
            } else if (l.arg(1).equals("expect")) {
                expect = expect(l, true);
            } else if (!l.arg(1).equals("send-state")) {
                throw new IllegalArgumentException("http-check " + l.arg(1));
            }
        }
        StringBuilder req = new StringBuilder(meth).append(' ').append(uri).append(' ').append(ver).append("\r\n");
        boolean http11 = ver.equalsIgnoreCase("HTTP/1.1");
        for (String[] h : headers) {
            req.append(http11 ? h[0].toLowerCase(java.util.Locale.ROOT) : h[0]).append(": ").append(h[1]).append("\r\n");
        }
        String head = null;
        if (sendState(backend)) {
            head = req.toString();
            req.setLength(0);
        }
        if (!body.isEmpty()) {
            req.append(http11 ? "content-length" : "Content-Length").append(": ").append(body.length()).append("\r\n");
        }
        if (http11) {
            req.append("connection: close\r\n");
        }
        req.append("\r\n").append(body);
        List<CheckRule> rules = new ArrayList<>();
        rules.add(head == null ? new CheckRule.Send(req.toString().getBytes(StandardCharsets.ISO_8859_1))
                : new CheckRule.HttpSend(head, http11 ? "x-haproxy-server-state" : "X-Haproxy-Server-State", req.toString()));
        rules.add(expect != null ? expect
                : new CheckRule.Expect(CheckRule.Match.STATUS, false, "200-399", null, null, true));
        return new CheckRules(Kind.HTTP, List.copyOf(rules));
    }
}
